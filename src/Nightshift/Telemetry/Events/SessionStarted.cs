namespace Nightshift.Telemetry.Events;

/// <summary>A new session opened its branch.</summary>
[EventKind("session.started")]
public sealed record SessionStarted : SessionOpened;
