namespace Nightshift.Telemetry.Events;

/// <summary>The service's stop command ran; its problem when it failed.</summary>
[EventKind("service.stop_command_ran")]
public sealed record ServiceStopCommandRan(string Release, string Command, string? Problem) : SessionEvent;
