using System.Globalization;
using System.Text;
using static Nightshift.Reports.Html;
using F = Nightshift.Reports.ReportFormat;

namespace Nightshift.Reports;

// The night's charts (see Svg): a polyline and two sets of bars. Each mark carries its figure in data-* attributes.
public static partial class HtmlReport
{
    private const double Width = 720;
    private const double BarHeight = 10;
    private const double RowHeight = 30;
    private const double LabelWidth = 260;
    private const double ValueWidth = 70;

    private static void ErrorsChart(StringBuilder html, ReportData report)
    {
        html.Append("<section id=\"chart-errors\"><h2>Errors over the night</h2>\n");
        var points = report.Timeline;
        if (points.Count == 0)
        {
            html.Append("<p class=\"empty\">No snapshot was taken.</p></section>\n");
            return;
        }

        const double left = 56, right = 24, top = 16, bottom = 36, height = 240;
        var plotWidth = Width - left - right;
        var plotHeight = height - top - bottom;
        var max = Math.Max(1, points.Max(p => p.Errors));
        var start = points[0].TakenAt;
        var span = (points[^1].TakenAt - start).TotalSeconds;
        double X(SnapshotPoint p) => span <= 0 ? left + (plotWidth / 2) : left + ((p.TakenAt - start).TotalSeconds / span * plotWidth);
        double Y(int errors) => top + plotHeight - (errors / (double)max * plotHeight);

        html.Append(Chart(height, "Errors in each snapshot of the session, in the order taken"));
        html.Append(Svg.Axes(left, top, plotWidth, plotHeight));
        html.Append(Label(left - 6, top + 4, "end", "chart.errors.max", F.Count(max)));
        html.Append(Label(left - 6, top + plotHeight, "end", "chart.errors.zero", "0"));
        html.Append(Label(left, height - 12, "start", "chart.errors.start", F.Clock(points[0].TakenAt)));
        html.Append(Label(left + plotWidth, height - 12, "end", "chart.errors.end", F.Clock(points[^1].TakenAt)));
        html.Append($"<polyline class=\"errors\" points=\"{string.Join(' ', points.Select(p => $"{N(X(p))},{N(Y(p.Errors))}"))}\"/>\n");
        foreach (var p in points)
        {
            html.Append($"<circle class=\"errors\" r=\"4\" cx=\"{N(X(p))}\" cy=\"{N(Y(p.Errors))}\"")
                .Append(Attribute("data-snapshot", $"{p.SnapshotId}"))
                .Append(Attribute("data-taken-at", p.TakenAt.ToString("O", CultureInfo.InvariantCulture)))
                .Append(Attribute("data-errors", $"{p.Errors}"))
                .Append(Attribute("data-warnings", $"{p.Warnings}"))
                .Append("/>\n");
        }

        html.Append("</svg></section>\n");
    }

    private static string ClustersChart(ReportData report)
    {
        // The clusters that mattered most at the start; the table above lists every one.
        var clusters = report.Clusters.Take(15).ToList();
        if (clusters.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder();
        var max = Math.Max(1, clusters.Max(c => Math.Max(c.Before, c.After)));
        var barArea = Width - LabelWidth - ValueWidth - 16;
        var height = (clusters.Count * RowHeight) + 8;
        html.Append("<figure id=\"chart-clusters\">").Append(Chart(height, "Each cluster's count in the first snapshot (grey) and the last (blue)"));
        for (var i = 0; i < clusters.Count; i++)
        {
            var c = clusters[i];
            var key = $"cluster[{c.Key}]";
            var y = (i * RowHeight) + 4;
            html.Append($"<g{Attribute("data-cluster", c.Key)}{Attribute("data-before", $"{c.Before}")}{Attribute("data-after", $"{c.After}")}>");
            html.Append(Label(LabelWidth - 8, y + BarHeight + 4, "end", $"{key}.key", c.Key));
            html.Append(Bar("before", LabelWidth, y, c.Before / (double)max * barArea));
            html.Append(Bar("after", LabelWidth, y + BarHeight + 2, c.After / (double)max * barArea));
            html.Append(Label(LabelWidth + (c.Before / (double)max * barArea) + 4, y + BarHeight - 1, "start", $"{key}.before", F.Count(c.Before)));
            html.Append(Label(LabelWidth + (c.After / (double)max * barArea) + 4, y + (2 * BarHeight) + 1, "start", $"{key}.after", F.Count(c.After)));
            html.Append("</g>\n");
        }

        html.Append("</svg><figcaption>Grey: first snapshot. Blue: last snapshot.</figcaption></figure>\n");
        return html.ToString();
    }

    private static void AttemptsChart(StringBuilder html, ReportData report)
    {
        html.Append("<section id=\"chart-attempts\"><h2>Attempt durations</h2>\n");
        var attempts = report.Attempts.Where(a => a.Duration is not null).ToList();
        if (attempts.Count == 0)
        {
            html.Append("<p class=\"empty\">No attempt has finished.</p></section>\n");
            return;
        }

        var max = Math.Max(1, attempts.Max(a => a.Duration!.Value.TotalSeconds));
        var barArea = Width - LabelWidth - ValueWidth - 16;
        var height = (attempts.Count * (BarHeight + 12)) + 8;
        html.Append(Chart(height, "How long each attempt's agent ran, coloured by outcome"));
        for (var i = 0; i < attempts.Count; i++)
        {
            var a = attempts[i];
            var key = $"attempt[{a.AttemptId}]";
            var seconds = a.Duration!.Value.TotalSeconds;
            var state = F.State(a.State);
            var y = (i * (BarHeight + 12)) + 4;
            var width = seconds / max * barArea;
            html.Append($"<g{Attribute("data-attempt", $"{a.AttemptId}")}{Attribute("data-state", state)}")
                .Append(Attribute("data-duration-seconds", ((long)Math.Round(seconds)).ToString(CultureInfo.InvariantCulture))).Append('>');
            html.Append($"<text x=\"{N(LabelWidth - 8)}\" y=\"{N(y + BarHeight)}\" text-anchor=\"end\">")
                .Append(Field("tspan", $"{key}.id", $"#{a.AttemptId}")).Append(' ')
                .Append(Field("tspan", $"{key}.cluster", a.Cluster ?? "-")).Append("</text>");
            html.Append(Bar(state, LabelWidth, y, width));
            html.Append(Label(LabelWidth + width + 4, y + BarHeight, "start", $"{key}.duration", F.Duration(seconds <= 0 ? TimeSpan.Zero : a.Duration!.Value)));
            html.Append("</g>\n");
        }

        html.Append("</svg>\n<p class=\"legend\"><span class=\"landed\">landed</span> <span class=\"rejected\">rejected</span> ")
            .Append("<span class=\"abandoned\">abandoned</span> <span class=\"other\">other</span></p></section>\n");
    }

    private static string Chart(double height, string title) => Svg.Open(Width, height, title);

    private static string Bar(string cls, double x, double y, double width) =>
        $"<rect class=\"bar {Encode(cls)}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(width, 0.5))}\" height=\"{N(BarHeight)}\"/>";

    private static string Label(double x, double y, string anchor, string key, string text) =>
        Field("text", key, text, extra: $" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"");

    private static string N(double value) => Svg.N(value);
}
