namespace Nightshift.Telemetry;

/// <summary>The alerts crash-watch raises (its events are the crash and service records of <see cref="Events"/>).</summary>
public static class CrashAlerts
{
    /// <summary>A deployed fix failed its health check and the previous build was restored.</summary>
    public const string DeployFailed = "deploy_failed";

    /// <summary>The service is not healthy and could not be brought back.</summary>
    public const string ServiceDown = "service_down";

    /// <summary>A crash could not be fixed (rejected or failed); it needs a person.</summary>
    public const string CrashUnfixed = "crash_unfixed";

    /// <summary>A new core file of the service that gdb could not read (issue 18): the crash is not in the queue.</summary>
    public const string CoreUnreadable = "core_unreadable";
}
