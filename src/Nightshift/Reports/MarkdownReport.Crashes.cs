using System.Text;
using static Nightshift.Reports.MarkdownText;
using F = Nightshift.Reports.ReportFormat;

namespace Nightshift.Reports;

public static partial class MarkdownReport
{
    /// <summary>A crash-watch session's crashes: how they ended, one table of them, then each one's steps with their timings.</summary>
    private static void Crashes(StringBuilder md, ReportData report)
    {
        var crashes = report.Crashes;
        Section(md, "Crashes", ["#", "Crash", "Seen", "Result", "Ticket", "Total time", "Latency"], crashes.Select((c, i) => new[]
        {
            F.Count(i + 1), Escape(c.Title), F.Count(c.Seen), Escape(CrashResults.Text(c.Result)), Escape(c.Ticket ?? "-"),
            F.Elapsed(c.Duration), F.Elapsed(c.Latency),
        }), "No crash was detected.", CrashTally(crashes) + (report.Service is { } service ? $"Service: {Escape(F.Service(service))}.\n\n" : ""));
        for (var i = 0; i < crashes.Count; i++)
        {
            var c = crashes[i];
            md.Append($"\n### Crash {F.Count(i + 1)}: {Escape(c.Title)}\n\n");
            md.Append($"- Signature: {Escape(c.Signature)}\n");
            md.Append($"- Detected: {(c.DetectedAt is { } at ? F.Time(at) : "-")}");
            md.Append(c.Format is null && c.Kind is null ? "\n" : $" ({Escape(string.Join(", ", new[] { c.Format, c.Kind }.OfType<string>()))})\n");
            md.Append($"- Result: {Escape(CrashResults.Text(c.Result))}");
            md.Append(c.Commit is { } commit ? $" ({Escape(c.Ticket ?? "-")}, {Escape(ShortSha(commit))})\n" : "\n");
            if (c.Problem is { } problem)
            {
                md.Append($"- Problem: {Escape(problem)}\n");
            }

            md.Append('\n');
            Rows(md, ["Step", "Agent", "Outcome", "Duration", "Summary"], c.Steps.Select(s => new[]
            {
                Escape(s.Step), Escape(s.Agent ?? "-"), Escape(s.Outcome), F.Elapsed(s.Duration), Escape(s.Summary ?? ""),
            }), "No step has finished yet.");
        }
    }

    // "4 crashes: 1 deployed, 0 landed, 1 rejected, 0 failed, 1 rolled back, 1 interrupted."
    private static string CrashTally(IReadOnlyList<CrashEntry> crashes) =>
        $"{F.Count(crashes.Count)} {(crashes.Count == 1 ? "crash" : "crashes")}: "
        + string.Join(", ", CrashResults.Tally(crashes).Select(t => $"{F.Count(t.Count)} {Escape(CrashResults.Text(t.Result))}")) + ".\n\n";
}
