using Nightshift.Files;

namespace Nightshift.Telemetry;

/// <summary><c>.nightshift/events.jsonl</c>: every journaled step of every session, one JSON object per line, oldest first.</summary>
public sealed class EventLog(string path) : JsonLinesLog<TelemetryEvent>(path, telemetryEvent => telemetryEvent.ToJsonLine())
{
    /// <summary>The last <paramref name="count"/> readable events in the file at <paramref name="path"/>, oldest first.</summary>
    public static IReadOnlyList<TelemetryEvent> ReadLast(string path, int count) => JsonLines.ReadLast(path, count, TelemetryEvent.TryParse);
}
