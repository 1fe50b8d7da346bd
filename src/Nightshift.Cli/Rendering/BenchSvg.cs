using System.Globalization;
using System.Net;
using System.Text;
using Nightshift.Reports;
using Nightshift.Workloads.Bench.Results;

namespace Nightshift.Cli.Rendering;

/// <summary>The bench report's charts as inline SVG (see <see cref="Svg"/>), drawn here from the numbers.</summary>
internal static class BenchSvg
{
    private static readonly string[] _agentColors = ["#3b6ea8", "#d9822b", "#5a9e5a", "#9b59b6", "#c0392b", "#16a085", "#7f8c8d"];

    private static readonly Dictionary<FailureClass, string> _failureColors = new()
    {
        [FailureClass.Timeout] = "#e67e22",
        [FailureClass.NoChange] = "#95a5a6",
        [FailureClass.AcceptanceFailed] = "#c0392b",
        [FailureClass.PolicyViolation] = "#8e44ad",
        [FailureClass.AgentError] = "#d35400",
        [FailureClass.InfraError] = "#34495e",
    };

    private const string PassColor = "#27ae60";

    /// <summary>Pass rate per level, a bar per agent, with the 95% interval as a whisker.</summary>
    public static string Levels(BenchReport report)
    {
        var levels = report.Levels;
        var agents = report.Agents;
        const int Top = 20, Plot = 160, Left = 44, Bar = 22, Gap = 26;
        var group = (agents.Count * Bar) + Gap;
        var width = Left + (levels.Count * group) + 10;
        var svg = Open(width, Top + Plot + 60, "Pass rate by level and agent, with 95% intervals");
        Grid(svg, Left, Top, width - 10, Plot);
        for (var l = 0; l < levels.Count; l++)
        {
            var x0 = Left + (l * group) + (Gap / 2);
            for (var a = 0; a < agents.Count; a++)
            {
                var rate = report.RateOf(levels[l], agents[a]);
                var x = x0 + (a * Bar);
                if (rate.Runs > 0)
                {
                    var height = rate.Rate * Plot;
                    Rect(svg, x + 2, Top + Plot - height, Bar - 4, height, _agentColors[a % _agentColors.Length], $"{levels[l]} · {agents[a]}: {BenchFormat.Rate(rate)}");
                    var center = x + (Bar / 2.0);
                    Line(svg, center, Top + Plot - (rate.High * Plot), center, Top + Plot - (rate.Low * Plot), "#222", 1.5);
                }
            }

            Text(svg, x0 + (agents.Count * Bar / 2.0), Top + Plot + 16, levels[l], "middle");
        }

        Legend(svg, agents.Select((a, i) => (a, _agentColors[i % _agentColors.Length])).ToArray(), Left, Top + Plot + 36);
        return Close(svg);
    }

    /// <summary>Per agent, its runs split into passes and each failure class.</summary>
    public static string Failures(BenchReport report)
    {
        const int Left = 110, BarHeight = 20, Width = 520;
        var agents = report.Agents;
        var height = (agents.Count * (BarHeight + 10)) + 50;
        var svg = Open(Left + Width + 20, height, "Runs per agent by outcome");
        for (var a = 0; a < agents.Count; a++)
        {
            var y = 10 + (a * (BarHeight + 10));
            Text(svg, Left - 8, y + 14, agents[a], "end");
            var passed = report.Bench.Summary.ByAgent[a].Passed;
            var segments = new List<(string Label, int Count, string Color)> { ("pass", passed, PassColor) };
            segments.AddRange(Enum.GetValues<FailureClass>().Select(c => (BenchJson.Name(c), report.FailuresOf(agents[a], c), _failureColors[c])));
            var total = Math.Max(1, segments.Sum(s => s.Count));
            double x = Left;
            foreach (var (label, count, color) in segments.Where(s => s.Count > 0))
            {
                var w = (double)count / total * Width;
                Rect(svg, x, y, w, BarHeight, color, $"{agents[a]}: {count} {label}");
                x += w;
            }
        }

        Legend(svg, [("pass", PassColor), .. Enum.GetValues<FailureClass>().Select(c => (BenchJson.Name(c), _failureColors[c]))], Left, height - 22);
        return Close(svg);
    }

    /// <summary>Per agent, the range of run durations (min to max), the median to p90 span, and the median.</summary>
    public static string Durations(BenchReport report)
    {
        const int Left = 110, Width = 520, Row = 26;
        var rows = report.Bench.Summary.Durations.Where(d => d.Runs > 0).ToArray();
        var max = Math.Max(1, rows.Select(d => d.MaxMs).DefaultIfEmpty(1).Max());
        var svg = Open(Left + Width + 20, (rows.Length * Row) + 40, "Run duration per agent: range, median to p90, median");
        double X(double ms) => Left + (ms / max * Width);
        for (var i = 0; i < rows.Length; i++)
        {
            var d = rows[i];
            var y = 14 + (i * Row);
            Text(svg, Left - 8, y + 4, d.Agent, "end");
            Line(svg, X(d.MinMs), y, X(d.MaxMs), y, "#888", 2);
            Rect(svg, X(d.MedianMs), y - 6, Math.Max(2, X(d.P90Ms) - X(d.MedianMs)), 12, "#3b6ea8",
                $"{d.Agent}: median {BenchFormat.Duration(d.MedianMs)}, p90 {BenchFormat.Duration(d.P90Ms)}, min {BenchFormat.Duration(d.MinMs)}, max {BenchFormat.Duration(d.MaxMs)}");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(d.MedianMs))}\" cy=\"{N(y)}\" r=\"4\" fill=\"#222\"/>");
        }

        Text(svg, Left, (rows.Length * Row) + 30, "0", "start");
        Text(svg, Left + Width, (rows.Length * Row) + 30, BenchFormat.Duration(max), "end");
        return Close(svg);
    }

    /// <summary>Pass rate per number of steps taken, a bar per agent and steps range.</summary>
    public static string Steps(BenchReport report)
    {
        var buckets = report.Bench.Summary.StepsVersusSuccess;
        var ranges = buckets.OrderBy(b => b.From).Select(b => b.Range).Distinct().ToArray();
        var agents = report.Agents;
        const int Top = 20, Plot = 140, Left = 44, Bar = 20, Gap = 24;
        var group = (agents.Count * Bar) + Gap;
        var width = Left + (Math.Max(1, ranges.Length) * group) + 10;
        var svg = Open(width, Top + Plot + 60, "Pass rate by steps taken");
        Grid(svg, Left, Top, width - 10, Plot);
        for (var r = 0; r < ranges.Length; r++)
        {
            var x0 = Left + (r * group) + (Gap / 2);
            for (var a = 0; a < agents.Count; a++)
            {
                if (buckets.FirstOrDefault(b => b.Agent == agents[a] && b.Range == ranges[r]) is { } bucket)
                {
                    var height = Math.Max(1, bucket.Rate * Plot);
                    Rect(svg, x0 + (a * Bar) + 2, Top + Plot - height, Bar - 4, height, _agentColors[a % _agentColors.Length],
                        $"{agents[a]}, {ranges[r]} steps: {bucket.Passed}/{bucket.Runs} passed");
                }
            }

            Text(svg, x0 + (agents.Count * Bar / 2.0), Top + Plot + 16, ranges[r], "middle");
        }

        Text(svg, Left, Top + Plot + 34, "steps", "start");
        Legend(svg, agents.Select((a, i) => (a, _agentColors[i % _agentColors.Length])).ToArray(), Left + 50, Top + Plot + 36);
        return Close(svg);
    }

    private static StringBuilder Open(double width, double height, string title) => new(Svg.Open(width, height, title));

    private static string Close(StringBuilder svg) => svg.Append(Svg.Close).ToString();

    private static void Grid(StringBuilder svg, double left, double top, double right, double plot)
    {
        foreach (var fraction in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            var y = top + plot - (fraction * plot);
            Line(svg, left, y, right, y, "#ddd", 1);
            Text(svg, left - 6, y + 4, BenchFormat.Percent(fraction), "end");
        }
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<(string Label, string Color)> entries, double x, double y)
    {
        foreach (var (label, color) in entries)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y - 10)}\" width=\"10\" height=\"10\" fill=\"{color}\"/>");
            Text(svg, x + 14, y, label, "start");
            x += 24 + (label.Length * 7);
        }
    }

    private static void Rect(StringBuilder svg, double x, double y, double width, double height, string color, string tooltip) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{color}\"><title>{Escape(tooltip)}</title></rect>");

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string color, double width) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{color}\" stroke-width=\"{N(width)}\"/>");

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"11\">{Escape(text)}</text>");

    private static string N(double value) => Svg.N(value);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
