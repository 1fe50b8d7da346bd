namespace Nightshift.Telemetry.Events;

/// <summary>The service's health check ended; its problem when unhealthy.</summary>
[EventKind("service.health_checked")]
public sealed record ServiceHealthChecked(string Release, bool Healthy, double WaitedMs, string? Problem) : SessionEvent;
