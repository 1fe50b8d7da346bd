using System.Globalization;
using System.Text;
using static Nightshift.Reports.Html;
using F = Nightshift.Reports.ReportFormat;

namespace Nightshift.Reports;

// One stacked bar per crash: its steps end to end in the order they ran, each as long as it took, coloured by step.
public static partial class HtmlReport
{
    private const int ChartTitleLength = 34;

    // The pipeline's steps (CrashPipeline); a step the report does not know yet is drawn as "other".
    private static readonly string[] _crashSteps = ["restart", "analyze", "agent", "build", "verdict", "land", "push", "deploy"];

    private static string CrashStepsChart(IReadOnlyList<CrashEntry> crashes)
    {
        // Numbered as in the table above; a crash without a finished step has no bar.
        var drawn = crashes.Select((c, i) => (Crash: c, Number: i + 1)).Where(d => d.Crash.Steps.Count > 0).ToList();
        if (drawn.Count == 0)
        {
            return "";
        }

        var totals = drawn.Select(d => d.Crash.Steps.Sum(s => s.Duration.TotalMilliseconds)).ToList();
        var max = Math.Max(1, totals.Max());
        var barArea = Width - LabelWidth - ValueWidth - 16;
        var height = (drawn.Count * RowHeight) + 8;
        var html = new StringBuilder();
        html.Append("<figure id=\"chart-crash-steps\">").Append(Chart(height, "Each crash's pipeline steps end to end, as long as each took"));
        for (var i = 0; i < drawn.Count; i++)
        {
            var (c, number) = drawn[i];
            var key = $"{CrashKey(c)}.chart";
            var y = (i * RowHeight) + 4;
            html.Append($"<g{Attribute("data-task", Id(c))}{Attribute("data-total-ms", Milliseconds(totals[i]))}>");
            html.Append(Label(LabelWidth - 8, y + BarHeight, "end", $"{key}.title", $"#{F.Count(number)} {Clip(c.Title)}"));
            var x = LabelWidth;
            for (var j = 0; j < c.Steps.Count; j++)
            {
                var s = c.Steps[j];
                var width = s.Duration.TotalMilliseconds / max * barArea;
                html.Append($"<g{Attribute("data-step", s.Step)}{Attribute("data-outcome", s.Outcome)}")
                    .Append(s.Agent is null ? "" : Attribute("data-agent", s.Agent))
                    .Append(Attribute("data-duration-ms", Milliseconds(s.Duration.TotalMilliseconds))).Append('>')
                    .Append(Field("title", $"{key}.step[{j}]", $"{s.Step}{(s.Agent is null ? "" : $" ({s.Agent})")}: {s.Outcome}, {F.Elapsed(s.Duration)}"))
                    .Append(Bar($"{StepColour(s.Step)} {StepClass(s.Outcome)}", x, y, width)).Append("</g>");
                x += width;
            }

            html.Append(Label(x + 4, y + BarHeight, "start", $"{key}.total", F.Elapsed(TimeSpan.FromMilliseconds(totals[i]))));
            html.Append("</g>\n");
        }

        html.Append("</svg><figcaption class=\"legend\">")
            .AppendJoin(" ", _crashSteps.Append("other").Select(step => $"<span class=\"step-{step}\">{step}</span>"))
            .Append(". A failed step is outlined in red.</figcaption></figure>\n");
        return html.ToString();
    }

    private static string StepColour(string step) => $"step-{(_crashSteps.Contains(step) ? step : "other")}";

    private static string Clip(string title) => title.Length > ChartTitleLength ? title[..(ChartTitleLength - 1)] + "…" : title;

    private static string Milliseconds(double ms) => Math.Round(ms, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
