namespace Nightshift.Telemetry.Events;

/// <summary>The agents' model endpoint answers again after an outage.</summary>
[EventKind("endpoint.up")]
public sealed record EndpointUp : SessionEvent;
