using Nightshift.Files;

namespace Nightshift.Telemetry;

/// <summary><c>.nightshift/events.jsonl</c>: every journaled step of every session, one JSON object per line, oldest first.</summary>
public sealed class EventLog(string path)
{
    private readonly Lock _gate = new();

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Appends one line and flushes it.</summary>
    public void Append(TelemetryEvent telemetryEvent)
    {
        ArgumentNullException.ThrowIfNull(telemetryEvent);
        var line = telemetryEvent.ToJsonLine();
        lock (_gate)
        {
            JsonLines.Append(Path, [line]);
        }
    }

    /// <summary>The last <paramref name="count"/> readable events in the file at <paramref name="path"/>, oldest first.</summary>
    public static IReadOnlyList<TelemetryEvent> ReadLast(string path, int count) =>
        [.. JsonLines.ReadLast(path, count).Select(TelemetryEvent.TryParse).OfType<TelemetryEvent>()];
}
