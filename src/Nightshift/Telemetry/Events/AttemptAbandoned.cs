using System.Text.Json.Serialization;

namespace Nightshift.Telemetry.Events;

/// <summary>An attempt ended without a verdict: why (<c>endpoint_unavailable</c> for an outage), and the agent's error if any.</summary>
[EventKind("attempt.abandoned")]
public sealed record AttemptAbandoned(string Reason, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null)
    : SessionEvent;
