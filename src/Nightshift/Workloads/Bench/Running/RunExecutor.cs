using Nightshift.Agents;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Workloads.Bench.Results;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// Makes one run: a fresh workspace, the agent under the task's timeout, the tamper check, the acceptance
/// (hidden files copied in only now), the verdict, and the run's files. One partial file per stage.
/// </summary>
internal sealed partial class RunExecutor(
    ProcessRunner runner,
    BenchStore store,
    string benchId,
    string workspaceRoot,
    string cacheRoot,
    IPauseGate gate,
    BenchRunOptions options,
    TimeProvider time)
{
    private readonly BenchGit _git = new(runner);

    /// <summary>Runs <paramref name="run"/> once. Cancellation (the user's, not a timeout) throws and leaves no record.</summary>
    public async Task<RunRecord> ExecuteAsync(PlannedRun run, int attempt, CancellationToken cancellationToken)
    {
        var files = store.FilesOf(benchId, run.Id);
        File.Delete(files.Diff);
        File.Delete(files.Archive);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var pausesBefore = gate.Pauses;
        var directory = Path.Combine(workspaceRoot, run.Id);
        var record = new RunRecord
        {
            Run = run.Id,
            Task = run.Task.Id,
            Level = run.Task.Level,
            Agent = run.Agent.Name,
            Repeat = run.Repeat,
            Phase = run.Phase.Name,
            Status = RunStatus.Excluded,
            Attempts = attempt,
            StartedAt = startedAt,
        };

        try
        {
            record = await ExecuteInWorkspaceAsync(run, record, files, directory, pausesBefore, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsSandboxFailure(e))
        {
            record = Apply(record, RunVerdict.Excluded($"the bench's sandbox failed: {e.Message}"));
        }
        finally
        {
            RunWorkspace.Delete(directory);
        }

        var finishedAt = time.GetUtcNow();
        return record with { FinishedAt = finishedAt, DurationMs = time.GetElapsedTime(started).TotalMilliseconds };
    }

    private async Task<RunRecord> ExecuteInWorkspaceAsync(
        PlannedRun run, RunRecord record, RunFiles files, string directory, long pausesBefore, CancellationToken cancellationToken)
    {
        RunWorkspace workspace;
        try
        {
            workspace = await RunWorkspace.CreateAsync(run.Task.Workspace, directory, _git, cancellationToken).ConfigureAwait(false);
        }
        catch (BenchInfrastructureException e) when (!cancellationToken.IsCancellationRequested)
        {
            return Apply(record, RunVerdict.Excluded($"could not prepare the workspace: {e.Message}"));
        }

        var acceptanceFiles = run.Task.AcceptFiles is { } hidden ? DirectoryCopy.ListFiles(hidden) : [];
        var guard = TamperGuard.Snapshot(directory, acceptanceFiles, run.Task.Protected);
        var (outcome, steps, toolCalls) = await RunAgentAsync(run, directory, files.Transcript, cancellationToken).ConfigureAwait(false);
        var paused = gate.Pauses != pausesBefore;

        var changes = await workspace.ChangesAsync(cancellationToken).ConfigureAwait(false);
        if (!changes.IsEmpty)
        {
            AtomicFile.WriteAllText(files.Diff, changes.Patch);
        }

        var violations = guard.Violations(directory);
        IReadOnlyList<AcceptanceOutcome> acceptance = [];
        var verdict = RunVerdict.BeforeAcceptance(outcome, paused, !changes.IsEmpty, violations);
        if (verdict is null)
        {
            (var acceptanceVerdict, acceptance) = await AcceptAsync(run.Task, workspace, cancellationToken).ConfigureAwait(false);
            verdict = RunVerdict.AfterAcceptance(outcome, paused, acceptanceVerdict);
        }

        // An unchanged workspace is the task's own: nothing to keep.
        string? archive = null;
        if (verdict.Status == RunStatus.Fail && (!changes.IsEmpty || violations.Count > 0))
        {
            var sources = await workspace.SourceFilesAsync(cancellationToken).ConfigureAwait(false);
            await WorkspaceArchive.CreateAsync(directory, sources, files.Archive, cancellationToken).ConfigureAwait(false);
            archive = files.Relative(files.Archive);
        }

        var result = outcome.ResultIfAny;
        return Apply(record, verdict) with
        {
            StopReason = result?.StopReason.WireName(),
            Steps = result?.Steps ?? steps,
            ToolCalls = toolCalls,
            TokensIn = result?.Usage.TokensIn ?? 0,
            TokensOut = result?.Usage.TokensOut ?? 0,
            CostUsd = result?.Usage.CostUsd,
            ChangedFiles = changes.Files,
            Violations = violations,
            Acceptance = acceptance,
            Transcript = files.Relative(files.Transcript),
            Diff = changes.IsEmpty ? null : files.Relative(files.Diff),
            Archive = archive,
        };
    }

    private static RunRecord Apply(RunRecord record, RunVerdict verdict) =>
        record with { Status = verdict.Status, Failure = verdict.Failure, Reason = verdict.Reason };

    /// <summary>Failures of the bench's own file work (the disk, permissions), which are no verdict on the agent.</summary>
    private static bool IsSandboxFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException || BenchInfrastructureException.IsInfrastructure(e);
}
