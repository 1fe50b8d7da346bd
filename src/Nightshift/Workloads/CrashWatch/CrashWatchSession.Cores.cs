using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Telemetry;
using Nightshift.Workloads.CrashWatch.Cores;
using Nightshift.Workloads.CrashWatch.Deploy;
using Nightshift.Workloads.CrashWatch.Watching;

namespace Nightshift.Workloads.CrashWatch;

public sealed partial class CrashWatchSession
{
    /// <summary><c>crash.watch</c>, and with <c>crash.cores</c> the folder cores appear in (coredumpctl's are exported to one).</summary>
    private List<WatchTarget> WatchTargets(NightshiftPaths paths)
    {
        var crash = config.Crash!;
        var targets = crash.Watch.Select(entry => WatchTarget.Parse(entry, config.RepositoryRoot)).ToList();
        switch (crash.Cores)
        {
            case CoreSource.Folder folder:
                targets.Add(WatchTarget.Cores(folder.Path, config.RepositoryRoot));
                break;
            case CoreSource.Coredumpctl:
                targets.Add(WatchTarget.Cores(paths.CoreExports, config.RepositoryRoot));
                break;
        }

        return targets;
    }

    /// <summary>The watcher's handler: the queue, behind gdb for core files when <c>crash.cores</c> is set.</summary>
    private CrashFileWatcher.Handler Intake(
        CrashFileWatcher watcher, CrashQueue queue, NightshiftPaths paths, ServiceController? service, SessionTelemetry telemetry) =>
        config.Crash is { Cores: { } cores, Executable: { } executable }
            ? new CoreIntake(
                watcher, new CoreReader(runner, executable, () => ServiceDirectory(service)), telemetry, queue.OfferAsync,
                cores is CoreSource.Coredumpctl ? paths.CoreExports : null).OfferAsync
            : queue.OfferAsync;

    /// <summary>With <c>crash.cores: coredumpctl</c>, exports each new core of the service until canceled; otherwise nothing.</summary>
    private Task ExportCoresAsync(NightshiftPaths paths, ServiceController? service, SessionTelemetry telemetry, CancellationToken cancellationToken)
    {
        if (config.Crash is not { Cores: CoreSource.Coredumpctl, Executable: { } executable } crash)
        {
            return Task.CompletedTask;
        }

        var told = new HashSet<string>(StringComparer.Ordinal);
        var exporter = new CoredumpctlExporter(
            runner, () => Path.GetFullPath(executable, ServiceDirectory(service)), paths.CoreExports, DateTimeOffset.UtcNow)
        {
            OnProblem = async (problem, token) =>
            {
                if (told.Add(problem))
                {
                    await telemetry.AlertAsync(AlertSeverity.Warning, CrashAlerts.CoreUnreadable, problem, token).ConfigureAwait(false);
                }
            },
        };
        return exporter.RunAsync(crash.Poll, cancellationToken);
    }

    // The service's cores are dumped by the build it runs: the deployed release, or the repository as the user built it.
    private string ServiceDirectory(ServiceController? service) => service?.Current.Directory ?? config.RepositoryRoot;
}
