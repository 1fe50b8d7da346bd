using Nightshift.Telemetry;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

public sealed partial class CrashPipeline
{
    /// <summary>Starts the service again on the build it had when the crash took it down, so it runs while the fix is made.</summary>
    private async Task<StepEnd> RestartAsync(CancellationToken cancellationToken)
    {
        if (parts.Service is not { } service)
        {
            return StepEnd.Skipped("crash.service is not configured");
        }

        if (await service.CheckAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return StepEnd.Skipped("the service is up");
        }

        return await EnsureServiceAsync(cancellationToken).ConfigureAwait(false) is { } problem
            ? StepEnd.Failed($"the service did not come back on {service.Current.Name}: {problem}")
            : StepEnd.Done($"restarted on {service.Current.Name} while the fix is made");
    }

    /// <summary>The service must run whatever became of a fix (it crashed, which is how we got here). Returns the problem when it does not.</summary>
    private async Task<string?> EnsureServiceAsync(CancellationToken cancellationToken)
    {
        if (parts.Service is not { } service || await service.EnsureRunningAsync(cancellationToken).ConfigureAwait(false) is not { } problem)
        {
            return null;
        }

        await parts.Telemetry.AlertAsync(
            AlertSeverity.Critical,
            CrashAlerts.ServiceDown,
            $"The service is down and did not come back when started from {service.Current.Directory}: {problem}. See {service.LogFile}.",
            cancellationToken).ConfigureAwait(false);
        return problem;
    }
}
