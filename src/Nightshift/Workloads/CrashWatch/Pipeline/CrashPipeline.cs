using System.Globalization;
using Nightshift.Attempts;
using Nightshift.Landing;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>
/// One crash at a time from report to running fix: analyze → agent → build → verdict → land → push → deploy, each step
/// journaled with its duration. A failed step rolls back what it can: the attempt is abandoned or rejected, its release
/// deleted, and the service, which a deploy may have touched, is made to run again (the previous build when the new one
/// fails its health check, with an alert).
/// </summary>
public sealed partial class CrashPipeline(CrashPipelineParts parts)
{
    private readonly TestBaselines _baselines = new(parts.Config.Tests, parts.Runner);
    private readonly AttemptRunner _attempts = new(parts.Journal, CrashWatchSession.Workload, parts.Paths, parts.Config.Agent.Model);

    /// <summary>Runs the pipeline for <paramref name="job"/>. Cancellation abandons the attempt, leaves the task open and rethrows.</summary>
    public async Task<CrashOutcome> RunAsync(CrashJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var steps = new CrashSteps(job, parts.Telemetry);
        await parts.Telemetry.EventAsync(
            new CrashPipelineStarted(job.TaskId, job.Signature, job.Analysis.Title, job.ReportPath), cancellationToken: cancellationToken).ConfigureAwait(false);
        parts.Telemetry.Worker(1, w => w with { Cluster = job.Signature, AttemptId = null, LastToolCall = null, FilesModified = 0 });
        try
        {
            // The crash most likely took the service down: it runs the build it had while the fix is made.
            await steps.StepAsync("restart", () => RestartAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            var (result, problem, shipped) = await FixAsync(job, steps, cancellationToken).ConfigureAwait(false);
            return await FinishAsync(job, steps, result, problem, shipped, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            parts.Telemetry.Worker(1, _ => WorkerStatus.Idle(1));
        }
    }

    /// <summary>
    /// Each rung of the ladder in turn until a fix is accepted, then land → push → deploy. A rejected fix (or an agent that
    /// failed) moves the crash up the ladder; a harness failure, a fix that cannot land, or the last rung ends it.
    /// </summary>
    private async Task<(CrashResult Result, string? Problem, Shipped? Shipped)> FixAsync(CrashJob job, CrashSteps steps, CancellationToken cancellationToken)
    {
        var rungs = parts.Ladder.Rungs;
        for (var index = 0; ; index++)
        {
            await using var attempt = new CrashAttempt(parts, job, steps, rungs[index], _baselines);
            var end = await _attempts.RunAsync(attempt.Plan, attempt, observer: null, cancellationToken, cancellationToken).ConfigureAwait(false);
            if (end is AttemptEnd<CrashBuild>.Decided { Verdict.IsAccepted: true } accepted)
            {
                steps.Attempt(null, accepted.AttemptId);
                return await ShipAsync(job, steps, attempt, accepted, cancellationToken).ConfigureAwait(false);
            }

            var problem = attempt.Problem ?? (end as AttemptEnd<CrashBuild>.Abandoned)?.Reason ?? "failed";
            var harness = problem.StartsWith("analyze:", StringComparison.Ordinal);
            var result = end is AttemptEnd<CrashBuild>.Decided ? CrashResult.Rejected : CrashResult.Failed;
            if (harness || index == rungs.Count - 1)
            {
                return (result, problem, null);
            }
        }
    }

    /// <summary>Lands the accepted fix, waits for its push, and deploys its release.</summary>
    private async Task<(CrashResult Result, string? Problem, Shipped? Shipped)> ShipAsync(
        CrashJob job, CrashSteps steps, CrashAttempt attempt, AttemptEnd<CrashBuild>.Decided accepted, CancellationToken cancellationToken)
    {
        LandingResult.Landed? landed = null;
        var land = await steps.StepAsync(
            "land",
            async () =>
            {
                (landed, var end) = await LandAsync(job, attempt, accepted, cancellationToken).ConfigureAwait(false);
                return end;
            },
            cancellationToken).ConfigureAwait(false);
        if (landed is null)
        {
            await _attempts.AbandonDecidedAsync(accepted.AttemptId, $"land: {land.Summary}", observer: null).ConfigureAwait(false);
            return (CrashResult.Failed, $"land: {land.Summary}", null);
        }

        var shipped = new Shipped(landed.Ticket, landed.Sha);
        await steps.StepAsync("push", () => PushAsync(shipped, cancellationToken), cancellationToken).ConfigureAwait(false);

        // Once the service is touched, the deploy runs to its end: a half-done restart is the one thing worse than a crash.
        var (result, problem) = await DeployAsync(job, steps, shipped, attempt.Release!).ConfigureAwait(false);
        return (result, problem, shipped);
    }

    private async Task<CrashOutcome> FinishAsync(
        CrashJob job, CrashSteps steps, CrashResult result, string? problem, Shipped? shipped, CancellationToken cancellationToken)
    {
        if (shipped is null)
        {
            // Given up for now; the same crash again reopens it (see CrashQueue).
            await parts.Journal.SetTaskStateAsync(job.TaskId, TaskState.Skipped, cancellationToken).ConfigureAwait(false);
            await parts.Telemetry.AlertAsync(
                AlertSeverity.Warning,
                CrashAlerts.CrashUnfixed,
                $"The crash {job.Analysis.Title} [{job.Signature}] was not fixed: {problem}. Report: {job.ReportPath}.",
                cancellationToken).ConfigureAwait(false);
            await EnsureServiceAsync(cancellationToken).ConfigureAwait(false);
        }

        var outcome = new CrashOutcome(job.TaskId, job.Signature, job.Analysis.Title, result, shipped?.Ticket, shipped?.Commit, steps.All, steps.Elapsed, problem);
        await parts.Telemetry.EventAsync(Done(outcome), steps.AttemptId, cancellationToken).ConfigureAwait(false);
        await parts.Telemetry.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private static CrashDone Done(CrashOutcome outcome) => new(
        outcome.TaskId, outcome.Signature, outcome.Result, outcome.Ticket, outcome.Commit, Math.Round(outcome.Duration.TotalMilliseconds, 1), outcome.Problem,
        [.. outcome.Steps.Select(s => new CrashDoneStep(s.Step, s.Outcome, Math.Round(s.Duration.TotalMilliseconds, 1), s.Agent))]);

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>A fix on the session branch: its ticket and commit.</summary>
    private sealed record Shipped(string Ticket, string Commit);
}
