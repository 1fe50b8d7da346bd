namespace Nightshift.Telemetry.Events;

/// <summary>An accepted attempt landed as a ticketed commit.</summary>
[EventKind("attempt.landed")]
public sealed record AttemptLanded(string Ticket, string Sha, string Cluster, string Verified) : SessionEvent;
