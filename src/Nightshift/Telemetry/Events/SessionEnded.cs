namespace Nightshift.Telemetry.Events;

/// <summary>The session stopped; why, as a wire name and in words.</summary>
[EventKind("session.ended")]
public sealed record SessionEnded(string StopReason, string Description) : SessionEvent;
