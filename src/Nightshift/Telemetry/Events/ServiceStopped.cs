namespace Nightshift.Telemetry.Events;

/// <summary>The service process is gone.</summary>
[EventKind("service.stopped")]
public sealed record ServiceStopped(string Release, int Pid, bool WasRunning, bool KilledAfterGrace) : SessionEvent;
