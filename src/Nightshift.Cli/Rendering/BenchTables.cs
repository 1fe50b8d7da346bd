using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Statistics;

namespace Nightshift.Cli.Rendering;

/// <summary>One table of a bench report; Markdown and HTML render the same tables.</summary>
/// <param name="Id">An anchor, such as <c>levels</c>.</param>
/// <param name="Title">The section heading.</param>
/// <param name="Header">Column names.</param>
/// <param name="Rows">Cells, as text.</param>
/// <param name="RowClasses">Per row, a class for HTML (<c>regression</c>), or null.</param>
internal sealed record ReportTable(string Id, string Title, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows, IReadOnlyList<string?>? RowClasses = null);

/// <summary>The tables of a bench report, in order.</summary>
internal static class BenchTables
{
    public static IReadOnlyList<ReportTable> Of(BenchReport report)
    {
        var summary = report.Bench.Summary;
        var ks = summary.PassAtK.Select(r => r.K).Distinct().Order().ToArray();
        var classes = Enum.GetValues<FailureClass>();
        return
        [
            new("agents", "Pass rate by agent (95% Wilson intervals)", ["agent", "runs", "passed", "pass rate", "95% CI"],
                [.. summary.ByAgent.Select(r => new[] { r.Agent!, $"{r.Runs}", $"{r.Passed}", r.Runs == 0 ? "–" : BenchFormat.Percent(r.Rate), BenchFormat.Interval(r) })]),
            new("levels", "Pass rate by level", ["level", .. report.Agents, "all agents"],
                [.. summary.ByLevel.Select(l => Row(l.Level!, [.. report.Agents.Select(a => BenchFormat.Rate(report.RateOf(l.Level!, a))), BenchFormat.Rate(l)]))]),
            new("pass-at-k", "pass@k (mean over tasks with at least k runs)", ["agent", .. ks.Select(k => $"pass@{k}")],
                [.. report.Agents.Select(a => Row(a, ks.Select(k => summary.PassAtK.FirstOrDefault(r => r.Agent == a && r.K == k) is { } row ? BenchFormat.Percent(row.Value) : "–")))]),
            new("durations", "Duration per run", ["agent", "runs", "median", "p90", "min", "max"],
                [.. summary.Durations.Select(d => new[]
                {
                    d.Agent, $"{d.Runs}", BenchFormat.Duration(d.MedianMs), BenchFormat.Duration(d.P90Ms), BenchFormat.Duration(d.MinMs), BenchFormat.Duration(d.MaxMs),
                })]),
            new("steps", "Steps versus success", ["agent", "steps", "runs", "passed", "pass rate"],
                [.. summary.StepsVersusSuccess.Select(s => new[] { s.Agent, s.Range, $"{s.Runs}", $"{s.Passed}", BenchFormat.Percent(s.Rate) })]),
            new("failures", "Failure modes", ["agent", .. classes.Select(c => BenchJson.Name(c))],
                [.. report.Agents.Select(a => Row(a, classes.Select(c => $"{report.FailuresOf(a, c)}")))]),
            new("failed-runs", "Runs that did not pass", ["run", "level", "class", "reason"],
                [.. report.FailedRuns.Select(r => new[] { r.Run, r.Level, r.Failure is { } f ? BenchJson.Name(f) : "", r.Reason ?? "" })]),
        ];
    }

    /// <summary>The comparison with the baseline, regressions flagged; null without a baseline.</summary>
    public static ReportTable? Comparison(BenchReport report) => report.Baseline is not { } baseline
        ? null
        : new ReportTable(
            "comparison",
            $"Compared with {baseline.Id}",
            ["scope", "key", "this bench", "baseline", "verdict"],
            [.. report.Changes.Select(c => new[] { c.Scope, c.Key, BenchFormat.Rate(c.Current), BenchFormat.Rate(c.Baseline), Verdict(c.Verdict) })],
            [.. report.Changes.Select(c => c.Verdict == ChangeVerdict.Unchanged ? null : Verdict(c.Verdict))]);

    /// <summary>The sentence above the comparison table.</summary>
    public static string ComparisonVerdict(BenchReport report) => report.Regressions.Count == 0
        ? "No regression: no pass rate fell with non-overlapping 95% intervals."
        : $"{report.Regressions.Count} regression{(report.Regressions.Count == 1 ? "" : "s")}: pass rates that fell with non-overlapping 95% intervals.";

    private static string[] Row(string first, IEnumerable<string> rest) => [first, .. rest];

    private static string Verdict(ChangeVerdict verdict) => verdict switch
    {
        ChangeVerdict.Regression => "regression",
        ChangeVerdict.Improvement => "improvement",
        _ => "unchanged",
    };
}
