using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Telemetry.Events;

namespace Nightshift.Telemetry;

/// <summary>
/// One step of a session as <c>.nightshift/events.jsonl</c> holds it: the journal's event (same id, time and
/// kind) with its payload inlined as JSON, so <c>jq</c> and <c>tail -f</c> can follow a night without SQLite.
/// </summary>
/// <param name="Id">The journal's event id; ids grow with time.</param>
/// <param name="At">When it was journaled.</param>
/// <param name="SessionId">The journal's session.</param>
/// <param name="AttemptId">The attempt the step belongs to; null for session-level steps.</param>
/// <param name="Kind">What happened: an <see cref="EventKindAttribute"/> kind, e.g. "attempt.started", "alert.raised".</param>
/// <param name="Payload">The event's details; null when it has none.</param>
public sealed record TelemetryEvent(long Id, DateTimeOffset At, long SessionId, long? AttemptId, string Kind, JsonObject? Payload)
{
    /// <summary>The event's record (old kinds read as today's), or null when its kind is not one (any more) or its payload does not read.</summary>
    public SessionEvent? ToRecord() => EventJson.Read(Kind, Payload);

    public string ToJsonLine() => JsonSerializer.Serialize(this, TelemetryJson.Compact);

    /// <summary>The event in one JSON document, or null when the text is not one.</summary>
    public static TelemetryEvent? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<TelemetryEvent>(json, TelemetryJson.Compact);
            return parsed is { Kind: not null } ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
