namespace Nightshift.Telemetry.Events;

/// <summary>The service's figures, journaled after each crash's pipeline and when the session ends, for the report.</summary>
[EventKind("service.sampled")]
public sealed record ServiceSampled(string Release, int? Pid, bool Running, int Restarts, double? UptimeSeconds, long? ResidentBytes) : SessionEvent
{
    public static ServiceSampled Of(ServiceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.Release, status.Pid, status.Running, status.Restarts, status.Uptime?.TotalSeconds, status.ResidentBytes);
    }

    public ServiceStatus ToStatus() =>
        new(Release, Pid, Running, Restarts, UptimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null, ResidentBytes);
}
