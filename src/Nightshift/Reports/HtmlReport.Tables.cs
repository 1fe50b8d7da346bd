using System.Text;
using static Nightshift.Reports.Html;
using F = Nightshift.Reports.ReportFormat;

namespace Nightshift.Reports;

// One table per section; each row carries its subject in a data-* attribute, each cell its data-field.
public static partial class HtmlReport
{
    private static void Targets(StringBuilder html, ReportData report)
    {
        Table(html, "targets", "Targets", ["Target", "Outcome", "Measured"], report.Targets.Select(t =>
        {
            var key = $"target[{t.Id}]";
            var outcome = F.Outcome(t.Outcome);
            return $"<tr{Attribute("data-target", t.Id)}{Attribute("data-outcome", outcome)}>"
                + Cell($"{key}.description", t.Description) + Cell($"{key}.outcome", outcome, $"outcome {outcome}")
                + Cell($"{key}.measured", t.Measured) + "</tr>";
        }), "No targets.");
    }

    private static void Commits(StringBuilder html, ReportData report)
    {
        Table(html, "commits", "Commits", ["Ticket", report.IsCrashWatch ? "Signature" : "Cluster", "Verified", "Subject", "Agent", "Commit"], report.Commits.Select(c =>
        {
            var key = $"commit[{c.Ticket}]";
            return $"<tr{Attribute("data-ticket", c.Ticket)}>" + Cell($"{key}.ticket", c.Ticket) + Cell($"{key}.cluster", c.Cluster ?? "-")
                + Cell($"{key}.verified", c.Verified ?? "-") + Cell($"{key}.subject", c.Subject) + Cell($"{key}.agent", c.Agent)
                + $"<td>{Field("code", $"{key}.sha", MarkdownReport.ShortSha(c.Sha), extra: Attribute("title", c.Sha))}</td></tr>";
        }), "No commit landed.", Diffs(report.Commits));
    }

    /// <summary>Each landed fix's diff, collapsed under its ticket and subject, added and removed lines marked.</summary>
    private static string Diffs(IReadOnlyList<ReportCommit> commits)
    {
        var html = new StringBuilder();
        foreach (var commit in commits.Where(c => !string.IsNullOrEmpty(c.Diff)))
        {
            var diff = DiffSummary.Of(commit.Diff!);
            var key = $"commit[{commit.Ticket}]";
            html.Append($"<details class=\"diff\"{Attribute("data-ticket", commit.Ticket)}><summary>{Field("span", $"{key}.diff_subject", commit.Subject)} ")
                .Append(Field("span", $"{key}.diff_figures", $"({diff.Figures})", "note")).Append("</summary>\n<pre>");
            foreach (var line in diff.Lines)
            {
                var cls = line switch
                {
                    _ when line.StartsWith("+++ ", StringComparison.Ordinal) || line.StartsWith("--- ", StringComparison.Ordinal) => "file",
                    _ when line.StartsWith('+') => "add",
                    _ when line.StartsWith('-') => "del",
                    _ when line.StartsWith("@@", StringComparison.Ordinal) => "hunk",
                    _ when line.StartsWith("diff --git ", StringComparison.Ordinal) => "file",
                    _ => null,
                };
                html.Append(cls is null ? Encode(line) : $"<span class=\"{cls}\">{Encode(line)}</span>").Append('\n');
            }

            html.Append("</pre>");
            if (diff.Omitted > 0)
            {
                html.Append($"<p class=\"note\">{Field("span", $"{key}.diff_omitted", $"{F.Count(diff.Omitted)} more line(s)")}: ")
                    .Append($"{Field("code", $"{key}.diff_show", $"git show {MarkdownReport.ShortSha(commit.Sha)}")}</p>");
            }

            html.Append("</details>\n");
        }

        return html.ToString();
    }

    private static void Clusters(StringBuilder html, ReportData report)
    {
        Table(html, "clusters", "Clusters, first snapshot → last", ["Cluster", "Severity", "Before", "After", "Change"], report.Clusters.Select(c =>
        {
            var key = $"cluster[{c.Key}]";
            return $"<tr{Attribute("data-cluster", c.Key)}>" + Cell($"{key}.key", c.Key) + Cell($"{key}.severity", c.Severity)
                + Cell($"{key}.before", F.Count(c.Before), "num") + Cell($"{key}.after", F.Count(c.After), "num")
                + Cell($"{key}.change", F.Change(c.Change), c.Change < 0 ? "num better" : c.Change > 0 ? "num worse" : "num") + "</tr>";
        }), "No snapshot holds a cluster.", ClustersChart(report));
    }

    private static void Rejections(StringBuilder html, ReportData report)
    {
        Table(html, "rejections", "Rejected attempts by reason", ["Reason", "Attempts", "Examples"], report.Rejections.Select(r =>
        {
            var key = $"rejection[{r.Reason}]";
            return $"<tr{Attribute("data-reason", r.Reason)}>" + Cell($"{key}.reason", r.Reason) + Cell($"{key}.attempts", F.Count(r.Attempts), "num")
                + Cell($"{key}.examples", string.Join("; ", r.Examples)) + "</tr>";
        }), "No attempt was rejected.");
    }

    private static void Alerts(StringBuilder html, ReportData report)
    {
        Table(html, "alerts", "Alerts", ["Time", "Severity", "Kind", "Message"], report.Alerts.Select((a, i) =>
        {
            var key = $"alert[{i}]";
            var severity = a.Severity.ToString().ToLowerInvariant();
            return $"<tr{Attribute("data-kind", a.Kind)}{Attribute("data-severity", severity)}>" + Cell($"{key}.time", F.Time(a.At))
                + Cell($"{key}.severity", severity, $"severity {severity}") + Cell($"{key}.kind", a.Kind) + Cell($"{key}.message", a.Message) + "</tr>";
        }), "No alerts.");
    }

    private static void Agents(StringBuilder html, ReportData report)
    {
        var rows = report.Agents.Select(a => AgentRow($"agent[{a.Agent}]", a.Agent, a.Attempts, a.Landed, a.Rejected, a.Abandoned, a.TokensIn, a.TokensOut, a.CostUsd, Attribute("data-agent", a.Agent)))
            .Concat(report.Agents.Count == 0 ? [] : [AgentRow(
                "agents.total", "Total", report.Attempts.Count, report.Agents.Sum(a => a.Landed), report.RejectedAttempts,
                report.Agents.Sum(a => a.Abandoned), report.TokensIn, report.TokensOut, report.CostUsd, " class=\"total\"")]);
        Table(html, "agents", "Cost and tokens by agent",
            ["Agent", "Attempts", "Landed", "Rejected", "Abandoned", "Tokens in", "Tokens out", "Cost"], rows, "No attempt was made.");
    }

    private static string AgentRow(
        string key, string name, int attempts, int landed, int rejected, int abandoned, long tokensIn, long tokensOut, decimal cost, string attributes) =>
        $"<tr{attributes}>" + Cell($"{key}.agent", name) + Cell($"{key}.attempts", F.Count(attempts), "num") + Cell($"{key}.landed", F.Count(landed), "num")
        + Cell($"{key}.rejected", F.Count(rejected), "num") + Cell($"{key}.abandoned", F.Count(abandoned), "num")
        + Cell($"{key}.tokens_in", F.Count(tokensIn), "num") + Cell($"{key}.tokens_out", F.Count(tokensOut), "num")
        + Cell($"{key}.cost", F.Cost(cost), "num") + "</tr>";

    private static void History(StringBuilder html, ReportData report)
    {
        Table(html, "history", "Sessions", ["Session", "Workload", "Started", "Duration", "Stop reason", "Commits", "Rejected", "Errors before", "Errors after", "Cost"],
            report.History.Select(h =>
            {
                var key = $"history[{h.Id}]";
                var current = h.Id == report.Session.Id ? " class=\"current\"" : "";
                return $"<tr{Attribute("data-session", $"{h.Id}")}{current}>" + Cell($"{key}.id", $"{h.Id}") + Cell($"{key}.workload", h.Workload)
                    + Cell($"{key}.started", F.Time(h.StartedAt)) + Cell($"{key}.duration", F.Duration(h.Duration))
                    + Cell($"{key}.stop_reason", h.StopReason ?? F.State(h.State)) + Cell($"{key}.commits", F.Count(h.Commits), "num")
                    + Cell($"{key}.rejected", F.Count(h.Rejected), "num") + Cell($"{key}.errors_before", F.Count(h.ErrorsBefore), "num")
                    + Cell($"{key}.errors_after", F.Count(h.ErrorsAfter), "num") + Cell($"{key}.cost", F.Cost(h.CostUsd), "num") + "</tr>";
            }), "No sessions.");
    }
}
