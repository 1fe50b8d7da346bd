using System.Text;
using static Nightshift.Reports.Html;
using F = Nightshift.Reports.ReportFormat;

namespace Nightshift.Reports;

/// <summary>
/// The morning report as one self-contained HTML file: inline CSS and inline SVG charts, no script, no font,
/// no request to anywhere (its Content-Security-Policy forbids them), so it opens the same from a CI artifact,
/// a mail attachment or a disk with no network.
/// </summary>
/// <remarks>
/// Every figure sits in an element whose <c>data-field</c> names it (<c>summary.commits</c>,
/// <c>cluster[rustc:error:E0308].after</c>, ...) and all journal text is HTML-encoded.
/// </remarks>
public static partial class HtmlReport
{
    // Headers of the columns whose cells are figures: right-aligned like their cells.
    private static readonly HashSet<string> _numericColumns =
    [
        "Before", "After", "Change", "Attempts", "Landed", "Rejected", "Abandoned", "Tokens in", "Tokens out", "Cost", "Commits",
        "Errors before", "Errors after", "Seen",
    ];

    public static string Render(ReportData report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Session;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>Nightshift report: session {s.Id} ({Encode(s.Workload)})</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        html.Append($"<header><h1>Nightshift report: session {Field("span", "session.id", $"{s.Id}")} ");
        html.Append($"({Field("span", "session.workload", s.Workload)})</h1>\n");
        html.Append($"<p class=\"note\">Generated {Field("time", "generated_at", F.Time(report.GeneratedAt))} from the journal. ");
        html.Append("Every figure is measured, none is an agent's claim.</p></header>\n");

        Summary(html, report);
        Targets(html, report);
        if (report.ShowsCrashes)
        {
            Crashes(html, report);
        }

        if (report.ShowsSnapshots)
        {
            ErrorsChart(html, report);
        }

        Commits(html, report);
        if (report.ShowsSnapshots)
        {
            Clusters(html, report);
        }

        Rejections(html, report);
        Alerts(html, report);
        Agents(html, report);
        AttemptsChart(html, report);
        History(html, report);

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, ReportData report)
    {
        var s = report.Session;
        html.Append("<section id=\"summary\"><dl>\n");
        Term(html, "Branch", Field("span", "session.branch", s.Branch));
        Term(html, "Started", Field("time", "session.started", F.Time(s.StartedAt)));
        Term(html, "Ended", Field("time", "session.ended", s.EndedAt is { } ended ? F.Time(ended) : "-"));
        Term(html, "Duration", Field("span", "session.duration", F.Duration(s.Duration)));
        Term(html, "Stop reason", Field("span", "session.stop_reason", F.StopReason(s)));
        if (s.Model is { } model)
        {
            Term(html, "Model", Field("span", "session.model", model));
        }

        if (s.UnconfinedWarning is { } unconfined)
        {
            Term(html, "Sandbox", Field("span", "session.sandbox", unconfined));
        }

        Term(html, "Commits", Field("span", "summary.commits", F.Count(report.Commits.Count)));
        if (report.Totals is { } t)
        {
            Term(html, "Errors", Change("summary.errors", t.ErrorsBefore, t.ErrorsAfter));
            Term(html, "Warnings", Change("summary.warnings", t.WarningsBefore, t.WarningsAfter));
        }
        else if (report.ShowsSnapshots)
        {
            Term(html, "Errors", "no snapshot was taken");
        }

        if (report.ShowsSnapshots)
        {
            Term(html, "Clusters remaining", Field("span", "summary.clusters_remaining", F.Count(report.ClustersRemaining)));
        }

        Term(html, "Attempts",
            $"{Field("span", "summary.attempts", F.Count(report.Attempts.Count))}: "
            + $"{Field("span", "summary.landed", F.Count(report.Agents.Sum(a => a.Landed)))} landed, "
            + $"{Field("span", "summary.rejected", F.Count(report.RejectedAttempts))} rejected, "
            + $"{Field("span", "summary.abandoned", F.Count(report.Agents.Sum(a => a.Abandoned)))} abandoned");
        Term(html, "Cost",
            $"{Field("span", "summary.cost", F.Cost(report.CostUsd))} for "
            + $"{Field("span", "summary.tokens_in", F.Count(report.TokensIn))} tokens in and "
            + $"{Field("span", "summary.tokens_out", F.Count(report.TokensOut))} out");
        html.Append("</dl></section>\n");
    }

    private static string Change(string key, int before, int after) =>
        $"{Field("span", $"{key}_before", F.Count(before))} → {Field("span", $"{key}_after", F.Count(after))} "
        + $"({Field("span", $"{key}_change", F.Change(after - before))})";

    private static void Term(StringBuilder html, string term, string definition) =>
        html.Append($"<dt>{Encode(term)}</dt><dd>{definition}</dd>\n");

    /// <summary>A section with its heading and one table; <paramref name="intro"/> and <paramref name="after"/> (markup) only with rows.</summary>
    private static void Table(
        StringBuilder html, string id, string title, string[] headers, IEnumerable<string> rows, string empty, string after = "", string intro = "")
    {
        html.Append($"<section id=\"{id}\"><h2>{Encode(title)}</h2>\n");
        var list = rows.ToList();
        if (list.Count == 0)
        {
            html.Append($"<p class=\"empty\">{Encode(empty)}</p></section>\n");
            return;
        }

        html.Append(intro);
        Grid(html, headers, list);
        html.Append(after).Append("</section>\n");
    }

    /// <summary>The table itself: a header row and the rows, each already markup.</summary>
    private static void Grid(StringBuilder html, string[] headers, IReadOnlyList<string> rows)
    {
        html.Append("<table><thead><tr>")
            .AppendJoin("", headers.Select(h => $"<th{(_numericColumns.Contains(h) ? " class=\"num\"" : "")}>{Encode(h)}</th>"))
            .Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append(row).Append('\n');
        }

        html.Append("</tbody></table>\n");
    }
}
