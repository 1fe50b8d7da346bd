namespace Nightshift.Telemetry.Events;

/// <summary>The verifier decided on an attempt's change.</summary>
[EventKind("verdict.decided")]
public sealed record VerdictDecided(bool Accepted, string Summary) : SessionEvent;
