using System.Globalization;
using System.Text.Json.Nodes;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Verification;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>
/// One crash at a time from report to running fix: analyze → agent → build → verdict → land → push → deploy, each step
/// journaled with its duration. A failed step rolls back what it can: the attempt is abandoned or rejected, its release
/// deleted, and the service, which a deploy may have touched, is made to run again (the previous build when the new one
/// fails its health check, with an alert).
/// </summary>
public sealed partial class CrashPipeline(CrashPipelineParts parts)
{
    // Test results by commit: the results after a landed fix are the baseline of the branch tip it made.
    private readonly Dictionary<string, TestSuiteResult> _testsAt = new(StringComparer.Ordinal);

    /// <summary>Runs the pipeline for <paramref name="job"/>. Cancellation abandons the attempt, leaves the task open and rethrows.</summary>
    public async Task<CrashOutcome> RunAsync(CrashJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var run = new PipelineRun(job, parts.Telemetry);
        await parts.Telemetry.EventAsync(
            CrashEvents.PipelineStarted,
            new JsonObject { ["task"] = job.TaskId, ["signature"] = job.Signature, ["title"] = job.Analysis.Title, ["report"] = job.ReportPath },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        parts.Telemetry.Worker(1, w => w with { Cluster = job.Signature, AttemptId = null, LastToolCall = null, FilesModified = 0 });
        try
        {
            var (result, problem) = await RunStepsAsync(run, cancellationToken).ConfigureAwait(false);
            return await FinishAsync(run, result, problem, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (run.AttemptId is { } attempt && !run.Decided)
            {
                await parts.Journal.AbandonAttemptAsync(attempt, "interrupted", CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
        finally
        {
            parts.Telemetry.Worker(1, _ => WorkerStatus.Idle(1));
            await DisposeAttemptAsync(run).ConfigureAwait(false);
        }
    }

    private async Task<(CrashResult Result, string? Problem)> RunStepsAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        // The crash most likely took the service down: it runs the build it had while the fix is made.
        await run.StepAsync("restart", () => RestartAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        var rungs = parts.Ladder.Rungs;
        for (var index = 0; ; index++)
        {
            run.Rung = rungs[index];
            var (result, problem, climb) = await AttemptAsync(run, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                break;
            }

            // A rejected fix (or an agent that failed) moves the crash up the ladder; a harness failure or the last rung ends it.
            if (!climb || index == rungs.Count - 1)
            {
                return (result.Value, problem);
            }

            await DiscardAttemptAsync(run, problem).ConfigureAwait(false);
        }

        run.Rung = null;
        var land = await run.StepAsync("land", () => LandAsync(run, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!land.Ok)
        {
            return (CrashResult.Failed, $"land: {land.Summary}");
        }

        await run.StepAsync("push", () => PushAsync(run, cancellationToken), cancellationToken).ConfigureAwait(false);

        // Once the service is touched, the deploy runs to its end: a half-done restart is the one thing worse than a crash.
        return await DeployAsync(run).ConfigureAwait(false);
    }

    /// <summary>
    /// One rung's attempt: analyze → agent → build → verdict. The result is null when the fix was accepted; otherwise where it
    /// stopped, why, and whether the next rung may try (not after a failed analysis: that is the harness, not the agent).
    /// </summary>
    private async Task<(CrashResult? Result, string Problem, bool Climb)> AttemptAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var analyze = await run.StepAsync("analyze", () => AnalyzeAsync(run, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!analyze.Ok)
        {
            return (CrashResult.Failed, $"analyze: {analyze.Summary}", false);
        }

        var agent = await run.StepAsync("agent", () => FixAsync(run, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!agent.Ok)
        {
            return (run.Decided ? CrashResult.Rejected : CrashResult.Failed, $"agent: {agent.Summary}", true);
        }

        await run.StepAsync("build", () => BuildAsync(run, cancellationToken), cancellationToken).ConfigureAwait(false);
        var verdict = await run.StepAsync("verdict", () => VerdictAsync(run, cancellationToken), cancellationToken).ConfigureAwait(false);
        return verdict.Ok ? (null, "", false) : (run.Decided ? CrashResult.Rejected : CrashResult.Failed, $"verdict: {verdict.Summary}", true);
    }

    /// <summary>Ends a rung's attempt that did not make it (abandoned unless rejected), removes its worktree and release.</summary>
    private async Task DiscardAttemptAsync(PipelineRun run, string problem)
    {
        if (run.AttemptId is { } attempt && !run.Decided)
        {
            await parts.Journal.AbandonAttemptAsync(attempt, problem, CancellationToken.None).ConfigureAwait(false);
        }

        await DisposeAttemptAsync(run).ConfigureAwait(false);
        run.ClearAttempt();
    }

    /// <summary>Removes the attempt's worktree, and its release unless that is deployed and running.</summary>
    private async Task DisposeAttemptAsync(PipelineRun run)
    {
        if (run.Workspace is { } workspace)
        {
            await workspace.DisposeAsync().ConfigureAwait(false);
        }

        if (run.Release is { } release && !run.Deployed && parts.Service?.Current != release)
        {
            parts.Releases.Remove(release);
        }
    }

    private async Task<CrashOutcome> FinishAsync(PipelineRun run, CrashResult result, string? problem, CancellationToken cancellationToken)
    {
        var job = run.Job;
        if (run.AttemptId is { } attempt && !run.Decided)
        {
            await parts.Journal.AbandonAttemptAsync(attempt, problem ?? "failed", cancellationToken).ConfigureAwait(false);
        }

        if (run.Ticket is null)
        {
            // Given up for now; the same crash again reopens it (see CrashQueue).
            await parts.Journal.SetTaskStateAsync(job.TaskId, TaskState.Skipped, cancellationToken).ConfigureAwait(false);
            await parts.Telemetry.AlertAsync(
                AlertSeverity.Warning,
                CrashEvents.CrashUnfixedAlert,
                $"The crash {job.Analysis.Title} [{job.Signature}] was not fixed: {problem}. Report: {job.ReportPath}.",
                cancellationToken).ConfigureAwait(false);
            await EnsureServiceAsync(cancellationToken).ConfigureAwait(false);
        }

        var outcome = new CrashOutcome(job.TaskId, job.Signature, job.Analysis.Title, result, run.Ticket, run.Commit, run.Steps, run.Elapsed, problem);
        await parts.Telemetry.EventAsync(CrashEvents.Done, DonePayload(outcome), run.AttemptId, cancellationToken).ConfigureAwait(false);
        await parts.Telemetry.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private static JsonObject DonePayload(CrashOutcome outcome) => new()
    {
        ["task"] = outcome.TaskId,
        ["signature"] = outcome.Signature,
        ["result"] = outcome.Result.ToString().ToLowerInvariant(),
        ["ticket"] = outcome.Ticket,
        ["commit"] = outcome.Commit,
        ["duration_ms"] = Math.Round(outcome.Duration.TotalMilliseconds, 1),
        ["problem"] = outcome.Problem,
        ["steps"] = new JsonArray([.. outcome.Steps.Select(s => (JsonNode)new JsonObject
        {
            ["step"] = s.Step,
            ["outcome"] = s.Outcome.ToString().ToLowerInvariant(),
            ["duration_ms"] = Math.Round(s.Duration.TotalMilliseconds, 1),
            ["agent"] = s.Agent,
        })]),
    };

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
