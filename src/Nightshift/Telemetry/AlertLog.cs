using Nightshift.Files;

namespace Nightshift.Telemetry;

/// <summary><c>.nightshift/alerts.jsonl</c>: every alert of every session, one JSON object per line, oldest first.</summary>
public sealed class AlertLog(string path) : JsonLinesLog<Alert>(path, alert => alert.ToJsonLine())
{
    /// <summary>The last <paramref name="count"/> readable alerts in the file at <paramref name="path"/>, oldest first.</summary>
    public static IReadOnlyList<Alert> ReadLast(string path, int count) => JsonLines.ReadLast(path, count, Alert.TryParse);
}
