using Nightshift.Attempts.Episodes;
using Nightshift.Diagnostics;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

public sealed partial class CrashPipeline
{
    private const int MaxRenderedReport = 6_000;

    /// <summary>
    /// Journals <see cref="PipelineRun.Verdict"/> and the attempt's learning episode in one transaction, as the night does: a crash
    /// rejected on one rung and fixed on the next is a failed-then-fixed example for <c>nightshift dataset</c>.
    /// </summary>
    /// <param name="run">The decided attempt.</param>
    /// <param name="stillCrashes">The repro ran on the new build and still crashed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    private async Task RecordDecisionAsync(PipelineRun run, bool stillCrashes, CancellationToken cancellationToken)
    {
        var (attempt, verdict) = (run.AttemptId!.Value, run.Verdict!);
        var crash = CrashDiagnostic(run);
        var episode = new EpisodeContent(
            EpisodeTask.From(run.Task!, run.Job.Signature, run.Sources),
            verdict.Accepted ? EpisodeOutcome.Accepted : EpisodeOutcome.Rejected,
            parts.Config.Agent.Model,
            [crash],
            stillCrashes ? [crash] : [],
            run.Memory.Entries,
            run.AgentSteps);
        await parts.Journal.InTransactionAsync(
            async _ =>
            {
                await parts.Journal.RecordVerdictAsync(attempt, verdict.Accepted, verdict.ToJson(), cancellationToken).ConfigureAwait(false);
                await new EpisodeJournal(parts.Journal).RecordAsync(attempt, CrashWatchSession.Workload, episode, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        run.Decided = !verdict.Accepted;
    }

    /// <summary>The crash as an episode's diagnostic: what a model reads first (the report) and what metrics group by (format, kind).</summary>
    private static EpisodeDiagnostic CrashDiagnostic(PipelineRun run)
    {
        var analysis = run.Job.Analysis;
        var top = analysis.OwnFrames.Count > 0 ? analysis.OwnFrames[0] : null;
        var report = run.Task?.Variables.GetValueOrDefault("report") ?? analysis.Title;
        return new EpisodeDiagnostic(
            analysis.Crash.Format,
            Severity.Error,
            analysis.Crash.Kind,
            analysis.Crash.Message,
            top?.Path,
            top?.Frame.Line,
            null,
            report.Length > MaxRenderedReport ? report[..MaxRenderedReport] : report);
    }
}
