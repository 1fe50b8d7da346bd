using Nightshift.Files;

namespace Nightshift.Telemetry;

/// <summary><c>.nightshift/alerts.jsonl</c>: every alert of every session, one JSON object per line, oldest first.</summary>
public sealed class AlertLog(string path)
{
    private readonly Lock _gate = new();

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Appends one line and flushes it.</summary>
    public void Append(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var line = alert.ToJsonLine();
        lock (_gate)
        {
            JsonLines.Append(Path, [line]);
        }
    }

    /// <summary>The last <paramref name="count"/> readable alerts in the file at <paramref name="path"/>, oldest first.</summary>
    public static IReadOnlyList<Alert> ReadLast(string path, int count) =>
        [.. JsonLines.ReadLast(path, count).Select(Alert.TryParse).OfType<Alert>()];
}
