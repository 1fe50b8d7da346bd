using System.Globalization;
using System.Text;
using Nightshift.Reports;
using Nightshift.Workloads.Learn.Metrics;
using static Nightshift.Reports.Html;

namespace Nightshift.Workloads.Learn.Reporting;

// One line chart per figure, drawn by hand as inline SVG (see Svg): the candidate of each
// cycle as a point coloured by the gate's decision, the baseline (and the model promoted before the run)
// as dashed reference lines. Points carry their exact figures: data-value is the metrics value, round-trip.
public static partial class LearnHtmlReport
{
    private const double Width = 720, Height = 220, Left = 56, Right = 120, Top = 16, Bottom = 36;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    private const string ChartStyle = """
        polyline.series { fill: none; stroke: var(--after); stroke-width: 2; }
        circle.point.promoted { fill: var(--good); } circle.point.rolled-back { fill: var(--bad); }
        line.reference { stroke-width: 1.5; stroke-dasharray: 5 4; } line.reference.baseline { stroke: var(--before); }
        line.reference.promoted { stroke: var(--warn); }

        """;

    private static void Chart(StringBuilder html, Series series, IReadOnlyList<CyclePoint> cycles, EvalRecord? baseline, EvalRecord? promotedBefore)
    {
        html.Append($"<section id=\"chart-{series.Id}\"{Attribute("data-series", series.Id)}><h2>{Encode(series.Title)}</h2>\n");
        var points = cycles.Select((c, i) => (c.Cycle, Index: i, c.Candidate, c.Gate, Value: c.Candidate is null ? null : series.Value(c.Candidate)))
            .Where(p => p.Value is not null)
            .ToList();
        if (points.Count == 0)
        {
            html.Append("<p class=\"empty\">No cycle produced a candidate with this figure.</p></section>\n");
            return;
        }

        var references = new[] { ("baseline", baseline), ("promoted", promotedBefore) }
            .Where(r => r.Item2 is not null && series.Value(r.Item2) is not null)
            .Select(r => (Role: r.Item1, Eval: r.Item2!, Value: series.Value(r.Item2!)!.Value))
            .ToList();
        // Shares run 0 to 100%; steps get a fifth of headroom, so the highest point is not drawn on the frame.
        var max = series.IsShare ? 1 : Math.Ceiling(Math.Max(1, points.Select(p => p.Value!.Value).Concat(references.Select(r => r.Value)).Max()) * 1.2);
        double X(int index) => CycleX(index, cycles.Count);
        double Y(double value) => ValueY(value, 0, max);

        Frame(html, series.Id, series.Description, [.. cycles.Select(c => c.Cycle)], series.Format(max), series.Format(0));

        foreach (var (role, eval, value) in references)
        {
            html.Append($"<line class=\"reference {role}\"{Attribute("data-role", role)}{Attribute("data-model", eval.Model ?? eval.Agent)}")
                .Append(Attribute("data-value", Exact(value)))
                .Append($" x1=\"{N(Left)}\" y1=\"{N(Y(value))}\" x2=\"{N(Left + PlotWidth)}\" y2=\"{N(Y(value))}\"/>");
            html.Append(Label(Left + PlotWidth + 6, Y(value) + 4, "start", $"chart.{series.Id}.{role}", $"{role} {series.Format(value)}")).Append('\n');
        }

        html.Append($"<polyline class=\"series\" points=\"{string.Join(' ', points.Select(p => $"{N(X(p.Index))},{N(Y(p.Value!.Value))}"))}\"/>\n");
        foreach (var p in points)
        {
            var decision = p.Gate?.Decision ?? "undecided";
            html.Append($"<circle class=\"point {Encode(decision)}\" r=\"5\" cx=\"{N(X(p.Index))}\" cy=\"{N(Y(p.Value!.Value))}\"")
                .Append(Attribute("data-cycle", p.Cycle.ToString(CultureInfo.InvariantCulture)))
                .Append(Attribute("data-value", Exact(p.Value!.Value)))
                .Append(Attribute("data-model", p.Candidate!.Model ?? p.Candidate.Agent))
                .Append(Attribute("data-decision", decision))
                .Append($"><title>{Encode($"cycle {p.Cycle}: {p.Candidate.Model ?? p.Candidate.Agent}, {series.Format(p.Value!.Value)}, {decision}")}</title></circle>\n");
        }

        html.Append("</svg>\n<p class=\"legend\">Line: each cycle's candidate, green when promoted, red when rolled back. ")
            .Append("Dashed: the baseline (grey) and the model promoted before this run (amber).</p></section>\n");
    }

    /// <summary>
    /// The frame every learn chart shares: the SVG's opening tag, the axes, the texts at the <paramref name="top"/> and the
    /// <paramref name="bottom"/> of the y axis (the bottom's field named <paramref name="bottomKey"/>) and one label per cycle
    /// on the x axis.
    /// </summary>
    private static void Frame(
        StringBuilder html, string id, string description, List<int> cycles, string top, string bottom, string bottomKey = "zero")
    {
        html.Append(Svg.Open(Width, Height, description)).Append(Svg.Axes(Left, Top, PlotWidth, PlotHeight));
        html.Append(Label(Left - 6, Top + 4, "end", $"chart.{id}.max", top));
        html.Append(Label(Left - 6, Top + PlotHeight, "end", $"chart.{id}.{bottomKey}", bottom));
        for (var i = 0; i < cycles.Count; i++)
        {
            var cycle = cycles[i].ToString(CultureInfo.InvariantCulture);
            html.Append(Label(CycleX(i, cycles.Count), Height - 12, "middle", $"chart.{id}.cycle[{cycle}]", $"cycle {cycle}"));
        }
    }

    /// <summary>The x of the <paramref name="index"/>-th of <paramref name="count"/> cycles: spread over the plot, one alone in its middle.</summary>
    private static double CycleX(int index, int count) =>
        count == 1 ? Left + (PlotWidth / 2) : Left + (index / (double)(count - 1) * PlotWidth);

    /// <summary>The y of <paramref name="value"/> on an axis from <paramref name="min"/> (bottom) to <paramref name="max"/> (top).</summary>
    private static double ValueY(double value, double min, double max) => Top + PlotHeight - ((value - min) / (max - min) * PlotHeight);

    /// <summary>The figure's value as metrics.jsonl holds it: round-trip, invariant.</summary>
    private static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Label(double x, double y, string anchor, string key, string text) =>
        Field("text", key, text, extra: $" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"");

    private static string N(double value) => Svg.N(value);

    /// <summary>One plotted figure of an eval.</summary>
    private sealed record Series(string Id, string Title, string Description, Func<EvalRecord, double?> Value, bool IsShare)
    {
        public static Series PassRate { get; } = new(
            "pass-rate", "Pass rate per cycle", "Share of eval runs whose koan tests pass, per cycle's candidate", e => e.PassRate, IsShare: true);

        public static Series StepsToGreen { get; } = new(
            "steps-to-green", "Mean steps to green per cycle", "Mean agent steps of the passing eval runs, per cycle's candidate", e => e.MeanStepsToGreen, IsShare: false);

        public static Series RepeatErrorRate { get; } = new(
            "repeat-error-rate",
            "Repeat-error rate per cycle",
            "Share of failed eval runs showing an error code already fixed in an earlier episode, per cycle's candidate",
            e => e.RepeatErrorRate,
            IsShare: true);

        public string Format(double value) => IsShare ? LearnFormat.Percent(value) : value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
