using System.Globalization;
using System.Text;
using static Nightshift.Reports.Html;
using F = Nightshift.Reports.ReportFormat;

namespace Nightshift.Reports;

// A crash-watch session's crashes: how they ended, one row per crash, a chart of their steps, then each crash's steps.
// Keys name the crash by its task: crash[7].result, crash[7].step[2].duration.
public static partial class HtmlReport
{
    private static void Crashes(StringBuilder html, ReportData report)
    {
        var crashes = report.Crashes;
        Table(html, "crashes", "Crashes", ["#", "Crash", "Seen", "Result", "Ticket", "Total time", "Latency"], crashes.Select((c, i) =>
        {
            var key = CrashKey(c);
            return $"<tr{Attribute("data-task", Id(c))}{Attribute("data-result", c.Result)}>" + Cell($"{key}.number", F.Count(i + 1))
                + Cell($"{key}.title", c.Title) + Cell($"{key}.seen", F.Count(c.Seen), "num")
                + Cell($"{key}.result", CrashResults.Text(c.Result), $"result {ResultClass(c.Result)}") + Cell($"{key}.ticket", c.Ticket ?? "-")
                + Cell($"{key}.duration", F.Elapsed(c.Duration)) + Cell($"{key}.latency", F.Elapsed(c.Latency)) + "</tr>";
        }), "No crash was detected.", after: CrashStepsChart(crashes) + CrashDetails(crashes), intro: CrashTally(crashes) + ServiceLine(report.Service));
    }

    // "4 crashes: 1 deployed, 0 landed, ..." with each figure in its field (crashes.count, crashes.deployed, crashes.rolledback, ...).
    private static string CrashTally(IReadOnlyList<CrashEntry> crashes) =>
        $"<p class=\"tally\">{Field("span", "crashes.count", F.Count(crashes.Count))} {(crashes.Count == 1 ? "crash" : "crashes")}: "
        + string.Join(", ", CrashResults.Tally(crashes).Select(t =>
            $"{Field("span", $"crashes.{ResultClass(t.Result)}", F.Count(t.Count))} {Encode(CrashResults.Text(t.Result))}"))
        + ".</p>\n";

    // The service crash-watch keeps running, as last journaled: its release, restarts, uptime and resident memory.
    private static string ServiceLine(Telemetry.ServiceStatus? service) =>
        service is null ? "" : $"<p class=\"service\">Service: {Field("span", "service", F.Service(service))}.</p>\n";

    private static string CrashDetails(IReadOnlyList<CrashEntry> crashes)
    {
        var html = new StringBuilder();
        for (var i = 0; i < crashes.Count; i++)
        {
            var c = crashes[i];
            var key = CrashKey(c);
            html.Append($"<article class=\"crash\"{Attribute("id", $"crash-{Id(c)}")}{Attribute("data-task", Id(c))}>");
            html.Append($"<h3>Crash {Field("span", $"{key}.heading_number", F.Count(i + 1))}: {Field("span", $"{key}.heading", c.Title)}</h3>\n<dl>\n");
            Term(html, "Signature", Field("code", $"{key}.signature", c.Signature));
            Term(html, "Detected", Field("time", $"{key}.detected_at", c.DetectedAt is { } at ? F.Time(at) : "-")
                + (c.Format is null && c.Kind is null ? "" : $" ({Field("span", $"{key}.format", c.Format ?? "-")}, {Field("span", $"{key}.kind", c.Kind ?? "-")})"));
            Term(html, "Result", Field("span", $"{key}.outcome", CrashResults.Text(c.Result), $"result {ResultClass(c.Result)}")
                + (c.Commit is { } commit ? $" ({Field("code", $"{key}.commit", MarkdownReport.ShortSha(commit), extra: Attribute("title", commit))})" : ""));
            if (c.Problem is { } problem)
            {
                Term(html, "Problem", Field("span", $"{key}.problem", problem));
            }

            html.Append("</dl>\n");
            var steps = c.Steps.Select((s, j) =>
            {
                var step = $"{key}.step[{j}]";
                return $"<tr{Attribute("data-step", s.Step)}{Attribute("data-outcome", s.Outcome)}>" + Cell($"{step}.step", s.Step)
                    + Cell($"{step}.agent", s.Agent ?? "-") + Cell($"{step}.outcome", s.Outcome, $"outcome {StepClass(s.Outcome)}")
                    + Cell($"{step}.duration", F.Elapsed(s.Duration)) + Cell($"{step}.summary", s.Summary ?? "") + "</tr>";
            }).ToList();
            if (steps.Count == 0)
            {
                html.Append("<p class=\"empty\">No step has finished yet.</p>");
            }
            else
            {
                Grid(html, ["Step", "Agent", "Outcome", "Duration", "Summary"], steps);
            }

            html.Append("</article>\n");
        }

        return html.ToString();
    }

    private static string CrashKey(CrashEntry crash) => $"crash[{Id(crash)}]";

    private static string Id(CrashEntry crash) => crash.TaskId.ToString(CultureInfo.InvariantCulture);

    // A result as a class and a key part: "in flight" -> in_flight. Results come from the journal, so only known words pass as they are.
    private static string ResultClass(string result) => result switch
    {
        CrashResults.Deployed or CrashResults.Landed or CrashResults.Rejected or CrashResults.Failed or CrashResults.RolledBack
            or CrashResults.ServiceDown or CrashResults.Queued or CrashResults.Interrupted => result,
        CrashResults.InFlight => "in_flight",
        _ => "other",
    };

    private static string StepClass(string outcome) => outcome is "ok" or "failed" or "skipped" ? outcome : "other";
}
