using System.Globalization;
using System.Text;
using Nightshift.Reports;
using Nightshift.Workloads.Learn.Cycles;
using Nightshift.Workloads.Learn.Metrics;
using static Nightshift.Reports.Html;

namespace Nightshift.Workloads.Learn.Reporting;

/// <summary>
/// The report of a <c>nightshift learn</c> run as one self-contained HTML file, like the morning report
/// (<see cref="HtmlReport"/>): inline CSS and SVG, no script, no network. It plots each cycle's candidate
/// against the baseline (pass rate, mean steps to green, repeat-error rate), tabulates the gate's
/// decisions, and plots and tabulates forgetting and forward transfer per koan family (<see cref="ContinualMetrics"/>).
/// Every figure comes from the run's metrics records (<see cref="LearnReport.Records"/>), the lines it appended to
/// metrics.jsonl, so the report and the file cannot disagree; each plotted point carries its exact value in <c>data-value</c>.
/// </summary>
public static partial class LearnHtmlReport
{
    public static string Render(LearnReport report, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        var evals = report.Records.OfType<EvalRecord>().ToList();
        var baseline = evals.FirstOrDefault(e => e.Role == "baseline");
        var promotedBefore = evals.FirstOrDefault(e => e.Role == "promoted");
        var cycles = report.Cycles.Select(c => new CyclePoint(
            c.Cycle,
            evals.LastOrDefault(e => e.Role == "candidate" && e.Cycle == c.Cycle),
            report.Records.OfType<GateRecord>().LastOrDefault(g => g.Cycle == c.Cycle))).ToList();

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(Invariant($"<title>Nightshift learn: session {report.SessionId}</title>\n<style>{HtmlReport.Style}{ChartStyle}{_continualStyle}</style>\n</head>\n<body>\n"));
        html.Append($"<header><h1>Nightshift learn: session {Field("span", "session.id", Invariant($"{report.SessionId}"))}</h1>\n");
        html.Append($"<p class=\"note\">Generated {Field("time", "generated_at", ReportFormat.Time(generatedAt))} from the metrics this run appended ");
        html.Append("to .nightshift/metrics.jsonl. Every figure is measured on the frozen eval koans.</p></header>\n");

        Summary(html, report, baseline, promotedBefore);
        Chart(html, Series.PassRate, cycles, baseline, promotedBefore);
        Chart(html, Series.StepsToGreen, cycles, baseline, promotedBefore);
        Chart(html, Series.RepeatErrorRate, cycles, baseline, promotedBefore);
        Table(html, cycles);
        var continual = report.Continual;
        var numbers = cycles.Select(c => c.Cycle).ToList();
        ForgettingChart(html, numbers, continual);
        TransferChart(html, numbers, continual);
        ContinualTable(html, continual);

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, LearnReport report, EvalRecord? baseline, EvalRecord? promotedBefore)
    {
        html.Append("<section id=\"summary\"><dl>\n");
        Term(html, "Baseline", baseline is null ? "-" : Scores("baseline", baseline));
        if (promotedBefore is not null)
        {
            Term(html, "Promoted before", Scores("promoted_before", promotedBefore));
        }

        Term(html, "Cycles", Field("span", "summary.cycles", Invariant($"{report.Cycles.Count}")));
        Term(html, "Promoted now", Field("span", "summary.promoted", report.Promoted ?? "none (the configured agent stays)"));
        html.Append("</dl></section>\n");
    }

    private static string Scores(string key, EvalRecord eval) =>
        $"{Field("span", $"{key}.model", eval.Model ?? eval.Agent)}: pass rate {Field("span", $"{key}.pass_rate", LearnFormat.Percent(eval.PassRate))}, "
        + $"mean steps to green {Field("span", $"{key}.steps_to_green", Steps(eval.MeanStepsToGreen))}, "
        + $"repeat-error rate {Field("span", $"{key}.repeat_error_rate", LearnFormat.Percent(eval.RepeatErrorRate))}";

    private static void Table(StringBuilder html, IReadOnlyList<CyclePoint> cycles)
    {
        html.Append("<section id=\"cycles\"><h2>Cycles</h2>\n<table>\n<thead><tr><th>Cycle</th><th>Candidate</th>");
        html.Append("<th class=\"num\">Pass rate</th><th class=\"num\">Steps to green</th><th class=\"num\">Repeat-error rate</th>");
        html.Append("<th>Decision</th><th>Why</th></tr></thead>\n<tbody>\n");
        foreach (var (cycle, candidate, gate) in cycles)
        {
            var key = Invariant($"cycle[{cycle}]");
            html.Append(Invariant($"<tr data-cycle=\"{cycle}\">")).Append(Cell($"{key}.cycle", Invariant($"{cycle}"), "num"));
            html.Append(Cell($"{key}.model", candidate?.Model ?? gate?.Candidate ?? "(no model)"));
            html.Append(Cell($"{key}.pass_rate", candidate is null ? "-" : LearnFormat.Percent(candidate.PassRate), "num"));
            html.Append(Cell($"{key}.steps_to_green", Steps(candidate?.MeanStepsToGreen), "num"));
            html.Append(Cell($"{key}.repeat_error_rate", candidate is null ? "-" : LearnFormat.Percent(candidate.RepeatErrorRate), "num"));
            html.Append(Cell($"{key}.decision", gate?.Decision ?? "-", gate?.IsPromotion == true ? "better" : "worse"));
            html.Append(Cell($"{key}.reasons", gate is null || gate.Reasons.Count == 0 ? "" : string.Join("; ", gate.Reasons)));
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void Term(StringBuilder html, string term, string definition) =>
        html.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(definition).Append("</dd>\n");

    private static string Steps(double? steps) => steps is { } value ? value.ToString("0.##", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A cycle's candidate eval (none when training failed) and its gate decision.</summary>
    private sealed record CyclePoint(int Cycle, EvalRecord? Candidate, GateRecord? Gate);
}
