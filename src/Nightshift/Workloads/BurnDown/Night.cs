using System.Diagnostics;
using Nightshift.Attempts;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Probing;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;

namespace Nightshift.Workloads.BurnDown;

/// <summary>
/// The burn-down workload (<c>nightshift run</c>): under the single-instance lock, open (or resume) the session, measure the
/// session branch, then run the <see cref="NightRun"/> loop until a stop condition holds. Everything is journaled before it
/// is acted on, so a killed night resumes where it died.
/// </summary>
/// <remarks>
/// Two tokens: <c>stop</c> (SIGINT/SIGTERM) ends the night after the attempt in flight — an agent still working is
/// stopped and its attempt abandoned, a verdict or landing already under way is finished; <c>abort</c> stops
/// everything at once (the journal and <c>--resume</c> take care of the rest).
/// </remarks>
public sealed partial class Night
{
    /// <summary>The journal's name for this workload.</summary>
    public const string Workload = WorkloadNames.BurnDown;

    private readonly NightshiftConfig _config;
    private readonly NightOptions _options;
    private readonly ProcessRunner _runner;
    private readonly TimeProvider _clock;

    public Night(NightshiftConfig config, NightOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        _config = config;
        _options = options;
        _runner = options.Runner ?? new ProcessRunner();
        _clock = options.Clock ?? TimeProvider.System;
    }

    /// <summary>Runs the night to its end and returns what it measured.</summary>
    /// <exception cref="LockHeldException">Another Nightshift session holds the repository (exit code 3).</exception>
    /// <exception cref="NightshiftException">The night could not start: no probe, uncommitted changes, nothing to resume.</exception>
    public async Task<NightResult> RunAsync(CancellationToken stop, CancellationToken abort)
    {
        var probe = _config.RequireProbe("nightshift run");
        var paths = NightshiftPaths.For(_config.RepositoryRoot);
        paths.EnsureCreated();
        using var sessionLock = SessionLock.Acquire(paths, "run");
        var watch = Stopwatch.StartNew();
        await using var journal = Journal.Open(paths.Journal, _clock);
        var resumption = _options.Resume ? SessionResumption.Unfinished : SessionResumption.New;
        await using var context = await SessionContext.OpenAsync(_config, journal, _runner, Workload, resumption, _clock, abort).ConfigureAwait(false);
        await StartedAsync(context, abort).ConfigureAwait(false);
        using var limits = await SessionLimits.StartAsync(context, _clock, abort).ConfigureAwait(false);

        var measurer = new WorktreeMeasurer(ProbeFactory.Create(probe, new ProbeCache(journal), _runner), _config.Tests, _config.Build, _runner);
        var board = ClusterBoard.Restore(
            _config.Limits.MinClusterSize,
            Math.Max(1, _config.Limits.AttemptsPerCluster),
            _options.Clusters,
            await journal.SessionTasksAsync(context.Session.Id, abort).ConfigureAwait(false),
            await journal.SessionAttemptsAsync(context.Session.Id, abort).ConfigureAwait(false));
        NightStopReason reason;
        Measurement? baseline = null;
        NightRun? run = null;
        try
        {
            (baseline, var stopped) = await BaselineAsync(context, measurer, stop, abort).ConfigureAwait(false);
            if (stopped is null)
            {
                run = new NightRun(context, _options, _clock, measurer, board, baseline!, limits);
                reason = await run.LoopAsync(stop, abort).ConfigureAwait(false);
            }
            else
            {
                reason = stopped;
            }
        }
        catch (Exception e) when (e is NightshiftException { IsFatal: false } or InvalidOperationException && !abort.IsCancellationRequested)
        {
            reason = new NightStopReason.Failed(e.Message);
        }

        using (run)
        {
            await EndAsync(context, reason).ConfigureAwait(false);
            var first = (await journal.FirstAndLastSnapshotAsync(context.Session.Id, CancellationToken.None).ConfigureAwait(false)).First;
            var errorsAtBaseline = first?.Errors ?? baseline?.Snapshot.Errors ?? 0;
            return new NightResult(
                context.Session.Id, context.Branch.Name, reason, run?.Commits ?? 0, run?.Rejections ?? 0, errorsAtBaseline,
                (run?.Tip ?? baseline)?.Snapshot.Errors ?? errorsAtBaseline, watch.Elapsed, _runner.Sandbox);
        }
    }

    /// <summary>Journals a measurement of the session branch and shows it live.</summary>
    internal static async Task SaveSnapshotAsync(
        Journal journal, SessionTelemetry telemetry, SessionRow session, Snapshot snapshot, TimeProvider clock, CancellationToken cancellationToken)
    {
        var id = await journal.SaveAsync(snapshot, clock.GetUtcNow(), session.Id, cancellationToken).ConfigureAwait(false);
        telemetry.RecordDiagnostics(id, snapshot.Diagnostics);
        await telemetry.RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StartedAsync(SessionContext context, CancellationToken abort)
    {
        var started = context.Started;
        await context.Telemetry.EventAsync(started, null, abort).ConfigureAwait(false);
        Say(_options.Resume
            ? $"resumed session {context.Session.Id} on {context.Branch.Name} ({started.LandingsRecovered} landing(s) recovered, {started.WorktreesPruned} stale worktree(s) removed)"
            : $"session {context.Session.Id} on branch {context.Branch.Name} (from {context.Branch.BaseCommit[..12]})");
    }

    private async Task EndAsync(SessionContext context, NightStopReason reason)
    {
        // Whatever stopped the night, its end is recorded: the abort token has no say here.
        var push = await context.Lander.CompletePushesAsync().ConfigureAwait(false);
        if (push is { Succeeded: false } failed)
        {
            await context.Telemetry.AlertAsync(AlertSeverity.Warning, AlertKinds.PushFailed, $"pushing {failed.Branch} to {failed.Remote} failed after {failed.Attempts} attempts: {failed.Error}", CancellationToken.None)
                .ConfigureAwait(false);
        }

        await context.Journal.EndSessionAsync(context.Session.Id, reason.Name, CancellationToken.None).ConfigureAwait(false);
        await context.Telemetry.EventAsync(new SessionEnded(reason.Name, reason.Description), null, CancellationToken.None)
            .ConfigureAwait(false);
        await context.Telemetry.EndAsync(reason.Name, CancellationToken.None).ConfigureAwait(false);
        Say($"stopped: {reason.Description}");
    }

    private void Say(string line) => _options.Progress?.Report(line);
}
