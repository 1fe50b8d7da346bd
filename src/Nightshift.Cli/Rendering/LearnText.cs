using System.Globalization;
using Nightshift.Workloads.Learn;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Metrics;

namespace Nightshift.Cli.Rendering;

/// <summary>How the learn commands word their results.</summary>
internal static class LearnText
{
    public static string Percent(double share) => LearnFormat.Percent(share);

    public static string Steps(double? steps) => steps is { } value ? value.ToString("0.##", CultureInfo.InvariantCulture) : "-";

    public static string Run(EvalRun run) =>
        $"{(run.Passed ? "pass" : "FAIL")} {run.KoanId} #{run.Repeat} ({run.Steps} step(s), {run.StopReason.ToString().ToLowerInvariant()}"
        + (run.RemainingErrorCodes.Count > 0 ? $", still {string.Join(", ", run.RemainingErrorCodes)})" : ")");

    public static string Summary(EvalReport report) =>
        $"{report.Model ?? report.Agent}: pass rate {Percent(report.PassRate)} ({report.Runs.Count(r => r.Passed)}/{report.Runs.Count}), "
        + $"mean steps to green {Steps(report.MeanStepsToGreen)}, repeat-error rate {Percent(report.RepeatErrorRate)}";

    /// <summary>Each family's passes over runs and pass rate: <c>borrow 2/3 (66.7%), traits 0/3 (0.0%)</c>.</summary>
    public static string Families(IReadOnlyList<FamilyScore> families) => families.Count == 0
        ? "-"
        : string.Join(", ", families.Select(f => $"{f.Family} {f.Passed}/{f.Runs} ({Percent(f.PassRate)})"));

    /// <summary>A cycle's forgetting (with the family that fell furthest) and forward transfer per family.</summary>
    public static string Continual(ContinualCycle figures)
    {
        var forgetting = figures.LargestDrop is { } drop
            ? $"forgetting {LearnFormat.Points(drop.Drop, withSign: false)} ({drop.Family} {Percent(drop.Best)} -> {Percent(drop.Now)})"
            : $"forgetting {LearnFormat.Points(0, withSign: false)} (no family fell)";
        var transfer = figures.ForwardTransfer.Count == 0
            ? "-"
            : string.Join(", ", figures.ForwardTransfer.Select(t => $"{t.Family} {LearnFormat.Points(t.Transfer)}"));
        return $"{forgetting}; forward transfer vs baseline: {transfer}";
    }
}
