using System.Diagnostics;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Landing;
using Nightshift.Probing;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Verification;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.BurnDown;

/// <summary>
/// The burn-down workload (<c>nightshift run</c>): under the single-instance lock, measure the session branch, then
/// attempt the largest open cluster in a worktree, verify, land or record the rejection, and go on until a stop
/// condition holds. Everything is journaled before it is acted on, so a killed night resumes where it died.
/// </summary>
/// <remarks>
/// Two tokens: <c>stop</c> (SIGINT/SIGTERM) ends the night after the attempt in flight — an agent still working is
/// stopped and its attempt abandoned, a verdict or landing already under way is finished; <c>abort</c> stops
/// everything at once (the journal and <c>--resume</c> take care of the rest).
/// </remarks>
public sealed partial class Night : IAsyncDisposable
{
    /// <summary>The journal's name for this workload.</summary>
    public const string Workload = WorkloadNames.BurnDown;

    private readonly NightshiftConfig _config;
    private readonly NightOptions _options;
    private readonly ProcessRunner _runner;
    private readonly TimeProvider _clock;
    private readonly NightshiftPaths _paths;
    private readonly SemaphoreSlim _landing = new(1, 1);

    // Set by StartAsync; the loop runs only after it.
    private Journal _journal = null!;
    private SessionRow _session = null!;
    private SessionBranch _branch = null!;
    private SessionTelemetry _telemetry = null!;
    private WorkspaceManager _workspaces = null!;
    private Lander _lander = null!;
    private IProbe _probe = null!;
    private ClusterBoard _board = null!;
    private Measurement _tip = null!;
    private int _errorsAtBaseline;
    private int _commits;
    private int _rejections;

    public Night(NightshiftConfig config, NightOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        _config = config;
        _options = options;
        _runner = options.Runner ?? new ProcessRunner();
        _clock = options.Clock ?? TimeProvider.System;
        _paths = NightshiftPaths.For(config.RepositoryRoot);
    }

    /// <summary>Runs the night to its end and returns what it measured.</summary>
    /// <exception cref="LockHeldException">Another Nightshift session holds the repository (exit code 3).</exception>
    /// <exception cref="NightshiftException">The night could not start: no probe, uncommitted changes, nothing to resume.</exception>
    public async Task<NightResult> RunAsync(CancellationToken stop, CancellationToken abort)
    {
        _paths.EnsureCreated();
        using var sessionLock = SessionLock.Acquire(_paths, "run");
        var watch = Stopwatch.StartNew();
        await using var journal = Journal.Open(_paths.Journal, _clock);
        _journal = journal;
        await StartAsync(abort).ConfigureAwait(false);
        NightStopReason reason;
        try
        {
            reason = await BaselineAsync(stop, abort).ConfigureAwait(false) ?? await LoopAsync(stop, abort).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NightshiftException { IsFatal: false } or InvalidOperationException && !abort.IsCancellationRequested)
        {
            reason = new NightStopReason.Failed(e.Message);
        }

        await EndAsync(reason).ConfigureAwait(false);
        return new NightResult(
            _session.Id, _branch.Name, reason, _commits, _rejections, _errorsAtBaseline,
            _tip?.Snapshot.Errors ?? _errorsAtBaseline, watch.Elapsed, _runner.Sandbox);
    }

    /// <summary>Waits for background pushes to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_lander is not null)
        {
            await _lander.DisposeAsync().ConfigureAwait(false);
        }

        _landing.Dispose();
    }

    private async Task EndAsync(NightStopReason reason)
    {
        // Whatever stopped the night, its end is recorded: the abort token has no say here.
        var push = await _lander.CompletePushesAsync().ConfigureAwait(false);
        if (push is { Succeeded: false } failed)
        {
            await _telemetry.AlertAsync(AlertSeverity.Warning, AlertKinds.PushFailed, $"pushing {failed.Branch} to {failed.Remote} failed after {failed.Attempts} attempts: {failed.Error}", CancellationToken.None)
                .ConfigureAwait(false);
        }

        await _journal.EndSessionAsync(_session.Id, reason.Name, CancellationToken.None).ConfigureAwait(false);
        await EventAsync("session.ended", new() { ["stop_reason"] = reason.Name, ["description"] = reason.Description }, null, CancellationToken.None)
            .ConfigureAwait(false);
        await _telemetry.EndAsync(reason.Name, CancellationToken.None).ConfigureAwait(false);
        Say($"stopped: {reason.Description}");
    }

    private void Say(string line) => _options.Progress?.Report(line);

    private LandingOptions LandingOptions(string? branch) => new()
    {
        Branch = branch ?? _config.Landing.Branch,
        Ticket = _config.Landing.Ticket,
        PendingWork = _config.Landing.Pending == PendingChanges.Include ? PendingWork.Include : PendingWork.Refuse,
        Push = _config.Landing.Push,
        Remote = _config.Landing.Remote,
    };

    private TestRunner? Tests(Workspace workspace) =>
        _config.Tests is { } tests ? new TestRunner(_runner, tests, workspace.Environment, workspace.BuildOutputs) : null;
}
