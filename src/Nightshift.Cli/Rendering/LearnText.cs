using System.Globalization;
using Nightshift.Workloads.Learn;
using Nightshift.Workloads.Learn.Evaluation;

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
}
