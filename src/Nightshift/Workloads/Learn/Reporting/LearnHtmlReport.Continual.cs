using System.Globalization;
using System.Text;
using Nightshift.Workloads.Learn.Metrics;
using static Nightshift.Reports.Html;

namespace Nightshift.Workloads.Learn.Reporting;

// Forgetting and forward transfer (ContinualMetrics), on the same cycle axis as the other charts: forgetting as one line,
// forward transfer as one line per koan family around a zero line, and a table with every figure.
public static partial class LearnHtmlReport
{
    private const string ForgettingId = "forgetting", TransferId = "forward-transfer";

    // Families are told apart by colour; a fifth family takes the first colour again (the legend and line labels still name it).
    private static readonly string[] _familyColours = ["#2e6bd6", "#b76e00", "#7a4cc2", "#0f8a8a"];

    private static readonly string _continualStyle =
        "polyline.family { fill: none; stroke-width: 2; } line.zero { stroke: var(--line); stroke-dasharray: 2 3; }\n"
        + "circle.point.forgetting { fill: var(--bad); }\n"
        + string.Concat(_familyColours.Select((colour, i) => Invariant($".family-{i} {{ stroke: {colour}; fill: {colour}; color: {colour}; }}\n")));

    private static void ForgettingChart(StringBuilder html, List<int> cycles, IReadOnlyList<ContinualCycle> continual)
    {
        html.Append($"<section id=\"chart-{ForgettingId}\"{Attribute("data-series", ForgettingId)}><h2>Forgetting per cycle</h2>\n");
        if (continual.Count == 0)
        {
            html.Append("<p class=\"empty\">No cycle's candidate was evaluated per koan family.</p></section>\n");
            return;
        }

        Frame(html, ForgettingId, "Largest drop of any koan family's pass rate below its best in an earlier eval, per cycle's candidate", cycles,
            LearnFormat.Points(1, withSign: false), LearnFormat.Points(0, withSign: false));
        var points = continual.Select(c => (X: CycleX(cycles.IndexOf(c.Cycle), cycles.Count), Y: ValueY(c.Forgetting, 0, 1), Figures: c)).ToList();
        html.Append($"<polyline class=\"series\" points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\"/>\n");
        foreach (var (x, y, figures) in points)
        {
            var family = figures.LargestDrop?.Family ?? "";
            var title = figures.LargestDrop is { } drop
                ? $"cycle {figures.Cycle}: {LearnFormat.Points(drop.Drop, withSign: false)}, {drop.Family} {LearnFormat.Percent(drop.Best)} to {LearnFormat.Percent(drop.Now)}"
                : $"cycle {figures.Cycle}: no family fell";
            html.Append($"<circle class=\"point forgetting\" r=\"5\" cx=\"{N(x)}\" cy=\"{N(y)}\"")
                .Append(Attribute("data-cycle", figures.Cycle.ToString(CultureInfo.InvariantCulture)))
                .Append(Attribute("data-value", Exact(figures.Forgetting)))
                .Append(Attribute("data-family", family))
                .Append($"><title>{Encode(title)}</title></circle>\n");
        }

        html.Append("</svg>\n<p class=\"legend\">Each cycle's candidate: the largest drop of any koan family's pass rate below the best ")
            .Append("that family reached in an earlier eval of this run (the baseline, the model promoted before, earlier candidates).</p></section>\n");
    }

    private static void TransferChart(StringBuilder html, List<int> cycles, IReadOnlyList<ContinualCycle> continual)
    {
        html.Append($"<section id=\"chart-{TransferId}\"{Attribute("data-series", TransferId)}><h2>Forward transfer per family per cycle</h2>\n");
        var families = Families(continual);
        if (families.Count == 0)
        {
            html.Append("<p class=\"empty\">No cycle's candidate was evaluated per koan family against a baseline.</p></section>\n");
            return;
        }

        // Pass rate minus the baseline's runs from -100 to +100 points.
        Frame(html, TransferId, "Each koan family's pass rate minus the baseline's, per cycle's candidate", cycles,
            LearnFormat.Points(1), LearnFormat.Points(-1), "min");
        html.Append($"<line class=\"zero\" data-value=\"0\" x1=\"{N(Left)}\" y1=\"{N(ValueY(0, -1, 1))}\" x2=\"{N(Left + PlotWidth)}\" y2=\"{N(ValueY(0, -1, 1))}\"/>\n");
        for (var i = 0; i < families.Count; i++)
        {
            var family = families[i];
            var colour = FamilyClass(i);
            var points = continual.SelectMany(c => c.ForwardTransfer.Where(t => t.Family == family).Select(t => (c.Cycle, Transfer: t)))
                .Select(p => (p.Cycle, p.Transfer, X: CycleX(cycles.IndexOf(p.Cycle), cycles.Count), Y: ValueY(p.Transfer.Transfer, -1, 1)))
                .ToList();
            html.Append($"<polyline class=\"family {colour}\"{Attribute("data-family", family)}")
                .Append($" points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\"/>\n");
            foreach (var (cycle, transfer, x, y) in points)
            {
                html.Append($"<circle class=\"point {colour}\" r=\"4\" cx=\"{N(x)}\" cy=\"{N(y)}\"")
                    .Append(Attribute("data-family", family))
                    .Append(Attribute("data-cycle", cycle.ToString(CultureInfo.InvariantCulture)))
                    .Append(Attribute("data-value", Exact(transfer.Transfer)))
                    .Append($"><title>{Encode($"cycle {cycle}, {family}: {LearnFormat.Points(transfer.Transfer)} ({LearnFormat.Percent(transfer.Candidate)} vs baseline {LearnFormat.Percent(transfer.Baseline)})")}</title></circle>\n");
            }

            var last = points[^1];
            html.Append(Field("text", $"chart.{TransferId}.family[{family}]", family, colour, $" x=\"{N(Left + PlotWidth + 6)}\" y=\"{N(last.Y + 4)}\" text-anchor=\"start\""))
                .Append('\n');
        }

        html.Append("</svg>\n<p class=\"legend\">One line per koan family: its pass rate in each cycle's candidate minus its pass rate in the ")
            .Append("baseline (the agent as configured); above the dotted zero line training helped the family. ")
            .Append(string.Join(", ", families.Select((f, i) => $"<span class=\"{FamilyClass(i)}\">{Encode(f)}</span>")))
            .Append(".</p></section>\n");
    }

    private static void ContinualTable(StringBuilder html, IReadOnlyList<ContinualCycle> continual)
    {
        var families = Families(continual);
        html.Append("<section id=\"continual\"><h2>Forgetting and forward transfer</h2>\n<table>\n<thead><tr><th>Cycle</th><th>Candidate</th>");
        html.Append("<th class=\"num\">Forgetting</th><th>Family that fell furthest</th>");
        html.Append(string.Concat(families.Select(f => $"<th class=\"num\">Transfer: {Encode(f)}</th>")));
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var figures in continual)
        {
            var key = Invariant($"continual[{figures.Cycle}]");
            html.Append(Invariant($"<tr data-cycle=\"{figures.Cycle}\">")).Append(Cell($"{key}.cycle", Invariant($"{figures.Cycle}"), "num"));
            html.Append(Cell($"{key}.model", figures.Model ?? "-"));
            html.Append(Cell($"{key}.forgetting", LearnFormat.Points(figures.Forgetting, withSign: false), "num"));
            html.Append(Cell(
                $"{key}.forgotten",
                figures.LargestDrop is { } drop ? $"{drop.Family} ({LearnFormat.Percent(drop.Best)} to {LearnFormat.Percent(drop.Now)})" : "none fell"));
            foreach (var family in families)
            {
                var transfer = figures.ForwardTransfer.FirstOrDefault(t => t.Family == family);
                html.Append(Cell($"{key}.transfer[{family}]", transfer is null ? "-" : LearnFormat.Points(transfer.Transfer), "num"));
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    /// <summary>Every family with a forward transfer in some cycle, ordered by name.</summary>
    private static List<string> Families(IReadOnlyList<ContinualCycle> continual) =>
        [.. continual.SelectMany(c => c.ForwardTransfer).Select(t => t.Family).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string FamilyClass(int index) => Invariant($"family-{index % _familyColours.Length}");
}
