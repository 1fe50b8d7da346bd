using AngleSharp.Dom;
using Nightshift.Reports;
using static Nightshift.Tests.Reports.NightJournal;

namespace Nightshift.Tests.Reports;

public sealed class HtmlReportSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task Every_figure_in_the_html_report_matches_the_journal()
    {
        using var fixture = await ReportFixture.CreateAsync();
        var document = ReportFixture.Parse(HtmlReport.Render(await fixture.LoadAsync()));

        // No digit in the page escapes a data-field: so the table below covers every number shown.
        var unlabelled = document.Body!.Descendants<IText>()
            .Where(t => t.Data.Any(char.IsDigit) && t.ParentElement!.Closest("[data-field]") is null)
            .Select(t => t.Data.Trim())
            .ToList();
        unlabelled.Should().BeEmpty("every number of the report sits in an element that names it");

        var shown = document.QuerySelectorAll("[data-field]")
            .GroupBy(e => e.GetAttribute("data-field")!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.TextContent).Distinct().ToList());
        shown.Keys.Should().BeEquivalentTo(Expected.Keys);
        foreach (var (field, text) in Expected)
        {
            shown[field].Should().Equal([text], $"'{field}' is {text} in the journal");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task The_html_report_is_one_self_contained_file_with_three_charts_and_no_script()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var html = HtmlReport.Render(await fixture.LoadAsync());

        var document = ReportFixture.Parse(html);
        document.Title.Should().Be("Nightshift report: session 2 (burn-down)");
        document.QuerySelectorAll("script, link, img, iframe, object, embed").Should().BeEmpty();
        document.All.SelectMany(e => e.Attributes)
            .Where(a => a.Name is "src" or "href" || a.Name.StartsWith("on", StringComparison.Ordinal))
            .Should().BeEmpty("the report loads nothing and runs nothing");
        document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content").Should().StartWith("default-src 'none'");
        document.QuerySelectorAll("style").Should().ContainSingle();
        document.QuerySelectorAll("#chart-errors svg, #chart-clusters svg, #chart-attempts svg").Should().HaveCount(3);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_charts_plot_every_snapshot_the_top_clusters_and_every_finished_attempt()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var document = ReportFixture.Parse(HtmlReport.Render(await fixture.LoadAsync()));

        var points = document.QuerySelectorAll("#chart-errors circle").ToList();
        points.Select(p => p.GetAttribute("data-errors")).Should().Equal("40", "29", "21");
        points.Select(p => p.GetAttribute("data-warnings")).Should().Equal("5", "5", "4");
        points.Select(p => double.Parse(p.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeInAscendingOrder("snapshots are plotted in the order taken");
        points.Select(p => double.Parse(p.GetAttribute("cy")!, System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeInAscendingOrder("fewer errors are drawn lower");

        document.QuerySelectorAll("#chart-clusters g[data-cluster]")
            .Select(g => (g.GetAttribute("data-cluster"), g.GetAttribute("data-before"), g.GetAttribute("data-after")))
            .Should().Equal(
                ("rustc:error:E0308", "20", "0"), ("rustc:error:E0599", "12", "12"), ("rustc:error:E0425", "8", "8"),
                ("clippy:warning:needless_return", "5", "4"), ("rustc:error:E0282", "0", "1"));

        document.QuerySelectorAll("#chart-attempts g[data-attempt]")
            .Select(g => (g.GetAttribute("data-attempt"), g.GetAttribute("data-state"), g.GetAttribute("data-duration-seconds")))
            .Should().Equal(("2", "landed", "240"), ("3", "rejected", "420"), ("4", "rejected", "540"), ("5", "landed", "180"), ("6", "abandoned", "300"));
        document.QuerySelectorAll("#chart-attempts rect.bar.rejected").Should().HaveCount(2);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_targets_say_which_were_met_and_which_missed()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var document = ReportFixture.Parse(HtmlReport.Render(await fixture.LoadAsync()));

        document.QuerySelectorAll("#targets tr[data-target]")
            .Select(r => (r.GetAttribute("data-target"), r.GetAttribute("data-outcome")))
            .Should().Equal(("commits", "missed"), ("tests_pass", "met"), ("top_cluster_reduced", "met"));
        document.QuerySelector("#targets tr[data-target='commits'] td.outcome")!.ClassList.Should().Contain("missed");
    }

    // Every data-field of night 2's report and the text it must show, worked out from NightJournal by hand.
    private static Dictionary<string, string> Expected { get; } = Build();

    private static Dictionary<string, string> Build()
    {
        var expected = new Dictionary<string, string>
        {
            ["session.id"] = "2",
            ["session.workload"] = "burn-down",
            ["generated_at"] = "2025-03-01 07:00 UTC",
            ["session.branch"] = "nightshift/burn-down-2",
            ["session.started"] = "2025-03-01 02:00 UTC",
            ["session.ended"] = "2025-03-01 06:00 UTC",
            ["session.duration"] = "4h 00m",
            ["session.stop_reason"] = "time-budget",
            ["summary.commits"] = "2",
            ["summary.errors_before"] = "40",
            ["summary.errors_after"] = "21",
            ["summary.errors_change"] = "-19",
            ["summary.warnings_before"] = "5",
            ["summary.warnings_after"] = "4",
            ["summary.warnings_change"] = "-1",
            ["summary.clusters_remaining"] = "4",
            ["summary.attempts"] = "5",
            ["summary.landed"] = "2",
            ["summary.rejected"] = "2",
            ["summary.abandoned"] = "1",
            ["summary.cost"] = "$0.55",
            ["summary.tokens_in"] = "4,400",
            ["summary.tokens_out"] = "1,000",
            ["target[commits].description"] = "at least 5 commits",
            ["target[commits].outcome"] = "missed",
            ["target[commits].measured"] = "2 commits",
            ["target[tests_pass].description"] = "tests still pass",
            ["target[tests_pass].outcome"] = "met",
            ["target[tests_pass].measured"] = "141/141 passed",
            ["target[top_cluster_reduced].description"] = "largest cluster reduced by at least 50%",
            ["target[top_cluster_reduced].outcome"] = "met",
            ["target[top_cluster_reduced].measured"] = "rustc:error:E0308: 20 -> 0 (100% fewer)",
            ["chart.errors.max"] = "40",
            ["chart.errors.zero"] = "0",
            ["chart.errors.start"] = "02:05",
            ["chart.errors.end"] = "05:50",
            ["rejection[test_broke].reason"] = "test_broke",
            ["rejection[test_broke].attempts"] = "2",
            ["rejection[test_broke].examples"] = "test parser::tests::expr passed at baseline and failed after; test lexer::tests::eof passed at baseline and failed after",
            ["rejection[new_cluster].reason"] = "new_cluster",
            ["rejection[new_cluster].attempts"] = "1",
            ["rejection[new_cluster].examples"] = "E0282 appeared with 3 diagnostics: a new cluster",
            ["alert[0].time"] = "2025-03-01 03:41 UTC",
            ["alert[0].severity"] = "warning",
            ["alert[0].kind"] = "repeated_rejections",
            ["alert[0].message"] = RepeatedRejections,
            ["alert[1].time"] = "2025-03-01 05:55 UTC",
            ["alert[1].severity"] = "info",
            ["alert[1].kind"] = "budget_exhausted",
            ["alert[1].message"] = BudgetNearlyOut,
        };
        Commit(expected, "NS-2", "rustc:error:E0308", "rustc:error:E0308 20 -> 9; errors 40 -> 29; tests 140/140", "NS-2: Fix E0308 in parser::expr", "openai", ShaNs2[..10]);
        Commit(expected, "NS-3", "rustc:error:E0308", "rustc:error:E0308 9 -> 8; errors 29 -> 28; tests 141/141", "NS-3: Fix E0308 in parser::stmt", "anthropic", ShaNs3[..10]);
        Cluster(expected, "rustc:error:E0308", "error", "20", "0", "-20");
        Cluster(expected, "rustc:error:E0599", "error", "12", "12", "0");
        Cluster(expected, "rustc:error:E0425", "error", "8", "8", "0");
        Cluster(expected, "clippy:warning:needless_return", "warning", "5", "4", "-1");
        Cluster(expected, "rustc:error:E0282", "error", "0", "1", "+1");
        Agent(expected, "agent[anthropic]", "anthropic", "2", "1", "1", "0", "1,700", "300", "$0.25");
        Agent(expected, "agent[openai]", "openai", "2", "1", "1", "0", "2,700", "700", "$0.30");
        Agent(expected, "agent[suggest]", "suggest", "1", "0", "0", "1", "0", "0", "$0.00");
        Agent(expected, "agents.total", "Total", "5", "2", "2", "1", "4,400", "1,000", "$0.55");
        Attempt(expected, 2, "rustc:error:E0308", "4m 00s");
        Attempt(expected, 3, "rustc:error:E0599", "7m 00s");
        Attempt(expected, 4, "rustc:error:E0599", "9m 00s");
        Attempt(expected, 5, "rustc:error:E0308", "3m 00s");
        Attempt(expected, 6, "rustc:error:E0425", "5m 00s");
        History(expected, 1, "2025-02-28 01:00 UTC", "2h 00m", "clusters-exhausted", "1", "0", "50", "40", "$0.50");
        History(expected, 2, "2025-03-01 02:00 UTC", "4h 00m", "time-budget", "2", "2", "40", "21", "$0.55");
        return expected;
    }

    private static void Commit(Dictionary<string, string> e, string ticket, string cluster, string verified, string subject, string agent, string sha)
    {
        var key = $"commit[{ticket}]";
        e[$"{key}.ticket"] = ticket;
        e[$"{key}.cluster"] = cluster;
        e[$"{key}.verified"] = verified;
        e[$"{key}.subject"] = subject;
        e[$"{key}.agent"] = agent;
        e[$"{key}.sha"] = sha;

        // The fixture's journal holds the word "diff" as each attempt's patch: no file, no line.
        e[$"{key}.diff_subject"] = subject;
        e[$"{key}.diff_figures"] = "(+0 −0 in 0 file(s))";
    }

    private static void Cluster(Dictionary<string, string> e, string name, string severity, string before, string after, string change)
    {
        var key = $"cluster[{name}]";
        e[$"{key}.key"] = name;
        e[$"{key}.severity"] = severity;
        e[$"{key}.before"] = before;
        e[$"{key}.after"] = after;
        e[$"{key}.change"] = change;
    }

    private static void Agent(
        Dictionary<string, string> e, string key, string name, string attempts, string landed, string rejected, string abandoned,
        string tokensIn, string tokensOut, string cost)
    {
        e[$"{key}.agent"] = name;
        e[$"{key}.attempts"] = attempts;
        e[$"{key}.landed"] = landed;
        e[$"{key}.rejected"] = rejected;
        e[$"{key}.abandoned"] = abandoned;
        e[$"{key}.tokens_in"] = tokensIn;
        e[$"{key}.tokens_out"] = tokensOut;
        e[$"{key}.cost"] = cost;
    }

    private static void Attempt(Dictionary<string, string> e, int id, string cluster, string duration)
    {
        e[$"attempt[{id}].id"] = $"#{id}";
        e[$"attempt[{id}].cluster"] = cluster;
        e[$"attempt[{id}].duration"] = duration;
    }

    private static void History(
        Dictionary<string, string> e, int id, string started, string duration, string stop, string commits, string rejected, string before,
        string after, string cost)
    {
        var key = $"history[{id}]";
        e[$"{key}.id"] = $"{id}";
        e[$"{key}.workload"] = "burn-down";
        e[$"{key}.started"] = started;
        e[$"{key}.duration"] = duration;
        e[$"{key}.stop_reason"] = stop;
        e[$"{key}.commits"] = commits;
        e[$"{key}.rejected"] = rejected;
        e[$"{key}.errors_before"] = before;
        e[$"{key}.errors_after"] = after;
        e[$"{key}.cost"] = cost;
    }
}
