using Nightshift.Attempts.Episodes;
using Nightshift.Workloads.Learn.Datasets;

namespace Nightshift.Workloads.Learn.Evaluation;

/// <summary>
/// The three numbers a model is judged by. Pass rate: passed runs over all runs. Mean steps-to-green: the
/// mean of the agent steps of passed runs (null when none passed). Repeat-error rate: the share of failed
/// runs that still show an error code the agents had already fixed in an earlier, non-eval episode — a
/// lesson that was available and not learned (0 when nothing failed).
/// </summary>
public static class EvalMetrics
{
    public static double PassRate(IReadOnlyCollection<EvalRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.Count == 0 ? 0 : (double)runs.Count(r => r.Passed) / runs.Count;
    }

    public static double? MeanStepsToGreen(IReadOnlyCollection<EvalRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var green = runs.Where(r => r.Passed).Select(r => r.Steps).ToList();
        return green.Count == 0 ? null : green.Average();
    }

    public static double RepeatErrorRate(IReadOnlyCollection<EvalRun> runs, IReadOnlySet<string> fixedBefore)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var failures = runs.Where(r => !r.Passed).ToList();
        return failures.Count == 0 ? 0 : (double)failures.Count(r => IsRepeatError(r, fixedBefore)) / failures.Count;
    }

    /// <summary>A failed run that still shows an error code fixed before.</summary>
    public static bool IsRepeatError(EvalRun run, IReadOnlySet<string> fixedBefore)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(fixedBefore);
        return !run.Passed && run.RemainingErrorCodes.Any(fixedBefore.Contains);
    }

    /// <summary>
    /// The error codes accepted episodes fixed (present before, gone after), eval material excluded: what
    /// an agent could have learned from before the eval ran.
    /// </summary>
    public static IReadOnlySet<string> FixedErrorCodes(IEnumerable<Episode> earlier, EvalGuard guard)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(guard);
        return earlier.Where(e => e.IsAccepted && !guard.IsEval(e)).SelectMany(e => e.FixedErrorCodes())
            .ToHashSet(StringComparer.Ordinal);
    }
}
