namespace Nightshift.Telemetry.Events;

/// <summary>The service could not be started.</summary>
[EventKind("service.start_failed")]
public sealed record ServiceStartFailed(string Release, string Problem) : SessionEvent;
