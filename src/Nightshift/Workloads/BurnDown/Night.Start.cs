using System.Globalization;
using System.Text.Json.Nodes;
using Nightshift.Configuration;
using Nightshift.Git;
using Nightshift.Landing;
using Nightshift.Probing;
using Nightshift.Telemetry;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.BurnDown;

public sealed partial class Night
{
    // Opens (or resumes) the session and its branch, settles what a crash left, and clears stale worktrees.
    private async Task StartAsync(CancellationToken abort)
    {
        var probeConfig = _config.RequireProbe("nightshift run");
        var repository = await GitRepository.OpenAsync(_config.RepositoryRoot, options: null, onEvent: null, abort).ConfigureAwait(false);
        _workspaces = new WorkspaceManager(repository, new WorkspaceOptions
        {
            CopyFiles = _config.Workspace.Copy,
            Environment = _config.Workspace.Env,
            SetupCommand = _config.Workspace.Setup?.Arguments,
        });
        _probe = ProbeFactory.Create(probeConfig, new ProbeCache(_journal), _runner);

        var unfinished = await _journal.UnfinishedSessionAsync(Workload, abort).ConfigureAwait(false);
        if (_options.Resume && unfinished is null)
        {
            throw new UsageException(
                $"nothing to resume: every {Workload} session in {_paths.Journal} has ended. Run 'nightshift run' without --resume to start a new one.");
        }

        // Landings a crash interrupted are settled first, against the branches as they are: a commit that reached its
        // branch is recorded, any other intent voided with its ticket number.
        _lander = new Lander(repository, _journal, _workspaces, LandingOptions(branch: null));
        var recovery = await _lander.RecoverAsync(abort).ConfigureAwait(false);

        if (_options.Resume)
        {
            _session = unfinished!;
            await _journal.AbandonSessionAttemptsAsync(_session.Id, "the night was killed while this attempt was in flight", abort)
                .ConfigureAwait(false);
        }
        else
        {
            if (unfinished is not null)
            {
                await _journal.AbandonSessionAsync(unfinished.Id, "a new session started instead of --resume", abort).ConfigureAwait(false);
            }

            _session = await _journal.StartSessionAsync(Workload, "-", ConfigHash.Of(_config), abort).ConfigureAwait(false);
        }

        // Every start, a resume too: the report says what the commands ran in, and a resume may have changed it.
        await _journal.SetSessionSandboxAsync(_session.Id, _runner.Sandbox.Name, abort).ConfigureAwait(false);

        var pruned = await _workspaces.PruneStaleAsync([], abort).ConfigureAwait(false);
        ProbeScratch.RemoveOrphans(); // the {work} folders of a probe that a kill -9 interrupted
        try
        {
            _branch = await SessionBranches.OpenAsync(
                repository, LandingOptions(_options.Resume ? _session.Branch : null), _session.Id, _options.Resume, _config.Workspace.Copy, _clock, abort)
                .ConfigureAwait(false);
        }
        catch (NightshiftException e) when (!_options.Resume)
        {
            // Uncommitted changes refused, a bad branch template: this session never began its work.
            await _journal.AbandonSessionAsync(_session.Id, e.Message, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (_session.Branch != _branch.Name)
        {
            await _journal.SetSessionBranchAsync(_session.Id, _branch.Name, abort).ConfigureAwait(false);
            _session = _session with { Branch = _branch.Name };
        }

        _telemetry = SessionTelemetry.Start(_paths, _journal, _session, _config.Limits, _clock);
        _board = ClusterBoard.Restore(
            _config.Limits.MinClusterSize,
            Math.Max(1, _config.Limits.AttemptsPerCluster),
            await _journal.SessionTasksAsync(_session.Id, abort).ConfigureAwait(false),
            await _journal.SessionAttemptsAsync(_session.Id, abort).ConfigureAwait(false));

        var started = new JsonObject
        {
            ["branch"] = _branch.Name,
            ["resumed"] = _options.Resume,
            ["base_commit"] = _branch.BaseCommit,
            ["landings_recovered"] = recovery.Recorded.Count,
            ["landings_voided"] = recovery.VoidedAttempts.Count,
            ["worktrees_pruned"] = pruned.Count,
        };
        await EventAsync(_options.Resume ? "session.resumed" : "session.started", started, null, abort).ConfigureAwait(false);
        Say(_options.Resume
            ? $"resumed session {_session.Id} on {_branch.Name} ({recovery.Recorded.Count} landing(s) recovered, {pruned.Count} stale worktree(s) removed)"
            : $"session {_session.Id} on branch {_branch.Name} (from {_branch.BaseCommit[..12]})");
    }

    // Measures the branch tip; a stop reason when interrupted meanwhile, or when the tests are broken before any change
    // and the config says stop.
    private async Task<NightStopReason?> BaselineAsync(CancellationToken stop, CancellationToken abort)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, abort);
        try
        {
            return await MeasureBaselineAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !abort.IsCancellationRequested)
        {
            return new NightStopReason.Interrupted();
        }
    }

    private async Task<NightStopReason?> MeasureBaselineAsync(CancellationToken abort)
    {
        _telemetry.Phase("baseline");
        var tip = await BranchTipAsync(abort).ConfigureAwait(false);
        Say($"baseline: probing {tip[..12]}");
        await using var workspace = await _workspaces.CreateAsync(
            $"baseline-{_session.Id.ToString(CultureInfo.InvariantCulture)}", tip, worker: 0, abort).ConfigureAwait(false);
        var snapshot = await _probe.RunAsync(workspace.Path, ProbeOptions.Default, null, abort).ConfigureAwait(false);
        var tests = Tests(workspace) is { } runner ? await runner.RunBaselineAsync(workspace.Path, abort).ConfigureAwait(false) : null;
        _tip = new Measurement(tip, snapshot, tests);
        await SaveSnapshotAsync(snapshot, abort).ConfigureAwait(false);

        var first = (await _journal.FirstAndLastSnapshotAsync(_session.Id, abort).ConfigureAwait(false)).First;
        _errorsAtBaseline = first?.Errors ?? snapshot.Errors;
        var testLine = tests is null ? "no tests configured" : $"tests {tests.Passing.Count}/{tests.Tests.Count} passing";
        await EventAsync(
            "baseline",
            new JsonObject
            {
                ["commit"] = tip,
                ["errors"] = snapshot.Errors,
                ["clusters"] = snapshot.Clusters.Count,
                ["tests_passing"] = tests?.Passing.Count,
                ["tests_total"] = tests?.Tests.Count,
            },
            null,
            abort).ConfigureAwait(false);
        Say($"baseline: {snapshot.Errors} error(s) in {snapshot.Clusters.Count} cluster(s), {testLine}");

        if (tests is not null && _config.Limits.StopIfTestsBroken && TestsBroken(tests) is { } broken)
        {
            await _telemetry.AlertAsync(AlertSeverity.Critical, AlertKinds.TestsBroken, $"The tests fail before any change: {broken}", abort)
                .ConfigureAwait(false);
            return new NightStopReason.TestsBroken(broken);
        }

        return null;
    }

    private static string? TestsBroken(Verification.TestSuiteResult tests)
    {
        if (!tests.Ran)
        {
            return $"they did not run ({tests.NotRunReason})";
        }

        var failing = tests.Tests.Except(tests.Passing, StringComparer.Ordinal).Except(tests.Quarantined, StringComparer.Ordinal).ToList();
        if (failing.Count > 0)
        {
            return $"{failing.Count} failing: {string.Join(", ", failing.Take(5))}";
        }

        return tests.ExitedZero || tests.OnlyFailuresAmong(tests.Quarantined) ? null : $"the test command exited {tests.FailingExitCode}";
    }

    private async Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        var id = await _journal.SaveAsync(snapshot, _clock.GetUtcNow(), _session.Id, cancellationToken).ConfigureAwait(false);
        _telemetry.RecordDiagnostics(id, snapshot.Diagnostics);
        await _telemetry.RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> BranchTipAsync(CancellationToken cancellationToken)
    {
        var repository = await GitRepository.OpenAsync(_config.RepositoryRoot, options: null, onEvent: null, cancellationToken).ConfigureAwait(false);
        return await repository.BranchTipAsync(_branch.Name, cancellationToken).ConfigureAwait(false)
            ?? throw new NightshiftException($"The session branch {_branch.Name} disappeared from {_config.RepositoryRoot}; start a new session.");
    }

    private Task<TelemetryEvent> EventAsync(string kind, JsonObject? payload, long? attemptId, CancellationToken cancellationToken) =>
        _telemetry.EventAsync(kind, payload, attemptId, cancellationToken);
}
