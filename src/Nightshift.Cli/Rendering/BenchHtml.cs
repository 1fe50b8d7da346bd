using System.Net;
using System.Text;

namespace Nightshift.Cli.Rendering;

/// <summary>
/// The bench report as one self-contained HTML file: inline CSS, inline SVG charts, no script and no link to
/// anything, so it can be mailed, archived or opened offline.
/// </summary>
internal static class BenchHtml
{
    private const string Style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; padding: 0 1em; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ddd; }
        table { border-collapse: collapse; margin: .5em 0 1em; }
        th, td { border: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; } tr.regression td { background: #fde2e2; font-weight: bold; } tr.improvement td { background: #e2f5e4; }
        .headline { color: #555; } .verdict { font-weight: bold; } svg { display: block; margin: .5em 0; }
        """;

    public static string Render(BenchReport report)
    {
        var bench = report.Bench;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<title>Bench {E(bench.Id)}: {E(bench.Suite.Name)}</title>");
        html.AppendLine($"<style>{Style}</style></head><body>");
        html.AppendLine($"<h1>Bench {E(bench.Id)}: {E(bench.Suite.Name)}</h1>");
        html.AppendLine($"<p class=\"headline\">{E(report.Headline)}{(bench.StopReason is { } reason ? $" — {E(reason)}" : "")}</p>");

        foreach (var table in BenchTables.Of(report))
        {
            var chart = table.Id switch
            {
                "levels" => BenchSvg.Levels(report),
                "durations" => BenchSvg.Durations(report),
                "steps" => BenchSvg.Steps(report),
                "failures" => BenchSvg.Failures(report),
                _ => null,
            };
            Section(html, table, chart);
        }

        if (BenchTables.Comparison(report) is { } comparison)
        {
            var verdict = $"<p class=\"verdict\">{E(BenchTables.ComparisonVerdict(report))}</p>";
            Section(html, comparison, verdict);
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void Section(StringBuilder html, ReportTable table, string? before)
    {
        html.AppendLine($"<section id=\"{E(table.Id)}\"><h2>{E(table.Title)}</h2>");
        if (before is not null && table.Rows.Count > 0)
        {
            html.AppendLine(before);
        }

        if (table.Rows.Count == 0)
        {
            html.AppendLine("<p>None.</p></section>");
            return;
        }

        html.Append("<table><thead><tr>");
        foreach (var column in table.Header)
        {
            html.Append($"<th>{E(column)}</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var rowClass = table.RowClasses?[i] is { } name ? $" class=\"{E(name)}\"" : "";
            html.Append($"<tr{rowClass}>");
            foreach (var cell in table.Rows[i])
            {
                html.Append($"<td>{E(cell)}</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table></section>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
