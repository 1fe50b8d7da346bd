using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;

namespace Nightshift.Workloads.CrashWatch.Deploy;

/// <summary>
/// Stops, starts and health-checks the service (<c>crash.service</c>), and deploys a release: stop the running one and wait
/// for it to exit (SIGKILL after <see cref="ServiceConfig.Grace"/>), start the new one detached, wait until healthy; when it
/// is not, stop it and start the previous release again. Whatever happens, it never leaves the service stopped on purpose.
/// </summary>
/// <remarks>
/// Commands run in the release's folder with <c>NIGHTSHIFT_ROOT</c> (the repository) and <c>NIGHTSHIFT_RELEASE</c> (the
/// release's folder) set; the service's output is appended to <c>.nightshift/crash-watch/service.log</c>.
/// </remarks>
public sealed partial class ServiceController : IDisposable
{
    private readonly ServiceConfig _config;
    private readonly string _repositoryRoot;
    private readonly string _statePath;
    private readonly ProcessRunner _runner;
    private readonly CrashEventSink _log;
    private int _starts;

    /// <param name="config">The service's commands and timeouts.</param>
    /// <param name="repositoryRoot">The repository: the first release, and <c>NIGHTSHIFT_ROOT</c>.</param>
    /// <param name="paths">Where the service record and log are kept.</param>
    /// <param name="runner">Runs the commands and starts the service.</param>
    /// <param name="log">Journals each stop, start and health check.</param>
    public ServiceController(ServiceConfig config, string repositoryRoot, NightshiftPaths paths, ProcessRunner runner, CrashEventSink log)
    {
        _config = config;
        _repositoryRoot = Path.GetFullPath(repositoryRoot);
        ArgumentNullException.ThrowIfNull(paths);
        _statePath = paths.ServiceState;
        LogFile = paths.ServiceLog;
        _runner = runner;
        _log = log;
        Current = Release.Repository(_repositoryRoot);
        if (ServiceState.Read(_statePath) is { } state)
        {
            if (System.IO.Directory.Exists(state.Directory))
            {
                Current = new Release(state.Release, state.Directory);
            }

            if (state is { Pid: { } pid and > 0, StartTime: { } started })
            {
                Process = DetachedProcess.Find(pid, started);
            }
        }
    }

    /// <summary>The release the service runs (or last ran) from.</summary>
    public Release Current { get; private set; }

    /// <summary>The service's process when crash-watch started it and it is still known; null otherwise.</summary>
    public DetachedProcess? Process { get; private set; }

    public string LogFile { get; }

    /// <summary>The service's figures now: release, process, restarts in this session, uptime and resident memory.</summary>
    public ServiceStatus Sample()
    {
        var usage = Process?.Usage();
        return new ServiceStatus(Current.Name, Process?.Pid, usage is not null, Math.Max(0, Volatile.Read(ref _starts) - 1), usage?.Uptime, usage?.ResidentBytes);
    }

    /// <summary>One health check of the running release: null when healthy, else what is wrong.</summary>
    public Task<string?> CheckAsync(CancellationToken cancellationToken) => Health(Current).ProblemAsync(Current.Directory, Process, cancellationToken);

    /// <summary>
    /// Makes sure the service runs: when its health check fails (or, without one, when the process crash-watch started is
    /// gone), it is started again from <see cref="Current"/>. Returns null when it is healthy at the end, else the problem.
    /// </summary>
    public async Task<string?> EnsureRunningAsync(CancellationToken cancellationToken)
    {
        var health = Health(Current);
        if (await health.ProblemAsync(Current.Directory, Process, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        if (Process is { IsRunning: true }
            && (await health.WaitAsync(Current.Directory, Process, _config.HealthTimeout, cancellationToken).ConfigureAwait(false)).Problem is null)
        {
            return null;
        }

        await StopAsync(Current, cancellationToken).ConfigureAwait(false);
        return await StartAsync(Current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the running release with <paramref name="release"/>, or rolls back to the one that ran before.</summary>
    public async Task<DeployOutcome> DeployAsync(Release release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        var previous = Current;
        await StopAsync(previous, cancellationToken).ConfigureAwait(false);
        var started = DateTimeOffset.UtcNow;
        if (await StartAsync(release, cancellationToken).ConfigureAwait(false) is not { } problem)
        {
            return new DeployOutcome.Deployed(release, DateTimeOffset.UtcNow - started);
        }

        await StopAsync(release, cancellationToken).ConfigureAwait(false);
        var restore = await StartAsync(previous, cancellationToken).ConfigureAwait(false);
        await _log(new ServiceRolledBack(release.Name, previous.Name, problem, restore), null, cancellationToken).ConfigureAwait(false);
        return restore is null
            ? new DeployOutcome.RolledBack(release, previous, problem)
            : new DeployOutcome.ServiceDown(release, previous, problem, restore);
    }

    public void Dispose() => Process?.Dispose();

    private HealthProbe Health(Release release) => new(_config.Health, _runner, Environment(release));

    private Dictionary<string, string?> Environment(Release release) => new(StringComparer.Ordinal)
    {
        ["NIGHTSHIFT_ROOT"] = _repositoryRoot,
        ["NIGHTSHIFT_RELEASE"] = release.Directory,
    };
}
