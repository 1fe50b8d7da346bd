namespace Nightshift.Telemetry.Events;

/// <summary>The service was started from a release.</summary>
[EventKind("service.started")]
public sealed record ServiceStarted(string Release, int Pid, string Directory) : SessionEvent;
