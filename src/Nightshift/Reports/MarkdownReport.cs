using System.Text;
using static Nightshift.Reports.MarkdownText;
using F = Nightshift.Reports.ReportFormat;

namespace Nightshift.Reports;

/// <summary>
/// The morning report as GitHub-flavoured Markdown: readable raw in a terminal, rendered in a pull request or
/// a chat. Journal text is escaped (<see cref="MarkdownText"/>), so nothing in it can become markup.
/// </summary>
public static partial class MarkdownReport
{
    public static string Render(ReportData report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var s = report.Session;
        md.Append($"# Nightshift report: session {s.Id} ({Escape(s.Workload)})\n\n");
        md.Append($"Generated {F.Time(report.GeneratedAt)} from the journal. Every figure is measured, none is an agent's claim.\n\n");

        md.Append($"- Branch: {Escape(s.Branch)}\n");
        md.Append($"- Started: {F.Time(s.StartedAt)}\n");
        md.Append($"- Ended: {(s.EndedAt is { } ended ? F.Time(ended) : "-")}\n");
        md.Append($"- Duration: {F.Duration(s.Duration)}\n");
        md.Append($"- Stop reason: {Escape(F.StopReason(s))}\n");
        if (s.Model is { } model)
        {
            md.Append($"- Model: {Escape(model)}\n");
        }

        if (s.UnconfinedWarning is { } unconfined)
        {
            md.Append($"- Sandbox: {unconfined}\n");
        }

        md.Append($"- Commits: {F.Count(report.Commits.Count)}\n");
        if (report.Totals is { } totals)
        {
            md.Append($"- Errors: {F.Count(totals.ErrorsBefore)} -> {F.Count(totals.ErrorsAfter)} ({F.Change(totals.ErrorsAfter - totals.ErrorsBefore)})\n");
            md.Append($"- Warnings: {F.Count(totals.WarningsBefore)} -> {F.Count(totals.WarningsAfter)} ({F.Change(totals.WarningsAfter - totals.WarningsBefore)})\n");
        }
        else if (report.ShowsSnapshots)
        {
            md.Append("- Errors: no snapshot was taken\n");
        }

        if (report.ShowsSnapshots)
        {
            md.Append($"- Clusters remaining: {F.Count(report.ClustersRemaining)}\n");
        }

        md.Append($"- Attempts: {F.Count(report.Attempts.Count)} ({F.Count(report.Agents.Sum(a => a.Landed))} landed, ");
        md.Append($"{F.Count(report.RejectedAttempts)} rejected, {F.Count(report.Agents.Sum(a => a.Abandoned))} abandoned)\n");
        md.Append($"- Cost: {F.Cost(report.CostUsd)} ({F.Count(report.TokensIn)} tokens in, {F.Count(report.TokensOut)} out)\n");

        Section(md, "Targets", ["Target", "Outcome", "Measured"], report.Targets.Select(t => new[]
        {
            Escape(t.Description), t.Outcome == TargetOutcome.Unknown ? F.Outcome(t.Outcome) : $"**{F.Outcome(t.Outcome)}**", Escape(t.Measured),
        }), "No targets.");
        if (report.ShowsCrashes)
        {
            Crashes(md, report);
        }

        Section(md, "Commits", ["Ticket", report.IsCrashWatch ? "Signature" : "Cluster", "Verified", "Subject", "Agent", "Commit"], report.Commits.Select(c => new[]
        {
            Escape(c.Ticket), Escape(c.Cluster ?? "-"), Escape(c.Verified ?? "-"), Escape(c.Subject), Escape(c.Agent), Escape(ShortSha(c.Sha)),
        }), "No commit landed.");
        Diffs(md, report.Commits);
        if (report.ShowsSnapshots)
        {
            Section(md, "Clusters (first snapshot -> last)", ["Cluster", "Severity", "Before", "After", "Change"], report.Clusters.Select(c => new[]
            {
                Escape(c.Key), Escape(c.Severity), F.Count(c.Before), F.Count(c.After), F.Change(c.Change),
            }), "No snapshot holds a cluster.");
        }

        Section(md, "Rejected attempts by reason", ["Reason", "Attempts", "Examples"], report.Rejections.Select(r => new[]
        {
            Escape(r.Reason), F.Count(r.Attempts), Escape(string.Join("; ", r.Examples)),
        }), "No attempt was rejected.");
        Section(md, "Alerts", ["Time", "Severity", "Kind", "Message"], report.Alerts.Select(a => new[]
        {
            F.Time(a.At), a.Severity.ToString().ToLowerInvariant(), Escape(a.Kind), Escape(a.Message),
        }), "No alerts.");
        Section(md, "Cost and tokens by agent", ["Agent", "Attempts", "Landed", "Rejected", "Abandoned", "Tokens in", "Tokens out", "Cost"],
            report.Agents.Select(a => new[]
            {
                Escape(a.Agent), F.Count(a.Attempts), F.Count(a.Landed), F.Count(a.Rejected), F.Count(a.Abandoned), F.Count(a.TokensIn),
                F.Count(a.TokensOut), F.Cost(a.CostUsd),
            }).Concat(report.Agents.Count == 0 ? [] : [
            [
                "**Total**", F.Count(report.Attempts.Count), F.Count(report.Agents.Sum(a => a.Landed)), F.Count(report.RejectedAttempts),
                F.Count(report.Agents.Sum(a => a.Abandoned)), F.Count(report.TokensIn), F.Count(report.TokensOut), F.Cost(report.CostUsd),
            ]]), "No attempt was made.");
        Section(md, "Sessions", ["Session", "Workload", "Started", "Duration", "Stop reason", "Commits", "Rejected", "Errors", "Cost"],
            report.History.Select(h => new[]
            {
                h.Id == s.Id ? $"**{h.Id}**" : $"{h.Id}", Escape(h.Workload), F.Time(h.StartedAt), F.Duration(h.Duration),
                Escape(h.StopReason ?? F.State(h.State)), F.Count(h.Commits), F.Count(h.Rejected),
                $"{F.Count(h.ErrorsBefore)} -> {F.Count(h.ErrorsAfter)}", F.Cost(h.CostUsd),
            }), "No sessions.");
        return md.ToString();
    }

    /// <summary>Each landed fix's diff, collapsed under its ticket and subject (GitHub and most viewers render the details).</summary>
    private static void Diffs(StringBuilder md, IReadOnlyList<ReportCommit> commits)
    {
        foreach (var commit in commits.Where(c => !string.IsNullOrEmpty(c.Diff)))
        {
            var diff = DiffSummary.Of(commit.Diff!);
            var fence = new string('`', Math.Max(3, LongestRun(commit.Diff!, '`') + 1));
            md.Append($"<details><summary>{Escape(commit.Subject)} ({diff.Figures})</summary>\n\n");
            md.Append(fence).Append("diff\n");
            foreach (var line in diff.Lines)
            {
                md.Append(line).Append('\n');
            }

            md.Append(fence).Append('\n');
            if (diff.Omitted > 0)
            {
                md.Append($"\n{F.Count(diff.Omitted)} more line(s): `git show {ShortSha(commit.Sha)}`\n");
            }

            md.Append("\n</details>\n\n");
        }
    }

    private static int LongestRun(string text, char c)
    {
        var (longest, run) = (0, 0);
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    internal static string ShortSha(string sha) => sha.Length > 10 ? sha[..10] : sha;

    private static void Section(StringBuilder md, string title, string[] headers, IEnumerable<string[]> rows, string empty, string intro = "")
    {
        md.Append($"\n## {title}\n\n");
        var list = rows.ToList();
        if (list.Count > 0)
        {
            md.Append(intro);
        }

        Rows(md, headers, list, empty);
    }

    /// <summary>A table, or <paramref name="empty"/> when there is no row.</summary>
    private static void Rows(StringBuilder md, string[] headers, IEnumerable<string[]> rows, string empty)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            md.Append(empty).Append('\n');
            return;
        }

        md.Append("| ").AppendJoin(" | ", headers).Append(" |\n");
        md.Append('|').AppendJoin("", headers.Select(_ => " --- |")).Append('\n');
        foreach (var row in list)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(cell => cell.Length == 0 ? " " : cell)).Append(" |\n");
        }
    }
}
