using Nightshift.Agents;
using Nightshift.Attempts;
using Nightshift.Execution;
using Nightshift.Store;
using Nightshift.Workloads.Bench.Results;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// Makes one run: a <see cref="BenchAttempt"/> run by the shared <see cref="AttemptRunner"/> (journaled as an attempt of the
/// bench's session, with its verdict and episode), then the run's record and files. The acceptance, whose build cache the
/// runs of a task share, is the next partial file.
/// </summary>
internal sealed partial class RunExecutor(
    ProcessRunner runner,
    BenchStore store,
    string benchId,
    string workspaceRoot,
    string cacheRoot,
    IPauseGate gate,
    BenchRunOptions options,
    AttemptRunner attempts,
    long sessionId,
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
            record = await ExecuteInWorkspaceAsync(run, record, files, directory, cancellationToken).ConfigureAwait(false);
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
        PlannedRun run, RunRecord record, RunFiles files, string directory, CancellationToken cancellationToken)
    {
        await using var work = new BenchAttempt(run, files, directory, _git, runner, gate, options.AgentStopGrace, AcceptAsync);
        var plan = new AttemptPlan(sessionId, new NewTask("bench", run.Task.Id, run.Task.Title), run.Agent.Name, work.RunAgentAsync, work.Budget);
        var end = await attempts.RunAsync(plan, work, observer: null, cancellationToken, cancellationToken).ConfigureAwait(false);
        var verdict = end switch
        {
            AttemptEnd<RunVerdict>.Decided decided => decided.Judgement.Measured,
            AttemptEnd<RunVerdict>.Abandoned abandoned => RunVerdict.Excluded(abandoned.Reason),
            _ => throw new InvalidOperationException($"Unknown attempt end {end}."),
        };

        // An unchanged workspace is the task's own: nothing to keep.
        string? archive = null;
        if (verdict.Status == RunStatus.Fail && (!work.Changes.IsEmpty || work.Violations.Count > 0) && work.Workspace is { } workspace)
        {
            var sources = await workspace.SourceFilesAsync(cancellationToken).ConfigureAwait(false);
            await WorkspaceArchive.CreateAsync(directory, sources, files.Archive, cancellationToken).ConfigureAwait(false);
            archive = files.Relative(files.Archive);
        }

        var result = work.Outcome?.ResultIfAny;
        var (steps, toolCalls) = work.Counts;
        return Apply(record, verdict) with
        {
            StopReason = result?.StopReason.WireName(),
            Steps = result?.Steps ?? steps,
            ToolCalls = toolCalls,
            TokensIn = result?.Usage.TokensIn ?? 0,
            TokensOut = result?.Usage.TokensOut ?? 0,
            CostUsd = result?.Usage.CostUsd,
            ChangedFiles = work.Changes.Files,
            Violations = work.Violations,
            Acceptance = work.Acceptance,
            Transcript = work.Workspace is null ? null : files.Relative(files.Transcript),
            Diff = work.Changes.IsEmpty ? null : files.Relative(files.Diff),
            Archive = archive,
        };
    }

    private static RunRecord Apply(RunRecord record, RunVerdict verdict) =>
        record with { Status = verdict.Status, Failure = verdict.Failure, Reason = verdict.Reason };

    /// <summary>Failures of the bench's own file work (the disk, permissions), which are no verdict on the agent.</summary>
    private static bool IsSandboxFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException || BenchInfrastructureException.IsInfrastructure(e);
}
