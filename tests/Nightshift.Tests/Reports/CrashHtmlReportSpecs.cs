using AngleSharp.Dom;
using Nightshift.Reports;
using static Nightshift.Tests.Reports.CrashJournal;

namespace Nightshift.Tests.Reports;

public sealed class CrashHtmlReportSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task The_crashes_section_tallies_the_results_and_has_a_row_per_crash()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var document = ReportFixture.Parse(HtmlReport.Render(await fixture.LoadAsync()));

        document.Body!.Descendants<IText>()
            .Where(t => t.Data.Any(char.IsDigit) && t.ParentElement!.Closest("[data-field]") is null)
            .Select(t => t.Data.Trim())
            .Should().BeEmpty("every number of the report sits in an element that names it");
        Fields(document, "crashes.count", "crashes.deployed", "crashes.landed", "crashes.rejected", "crashes.failed", "crashes.rolledback", "crashes.interrupted")
            .Should().Equal("4", "1", "0", "1", "0", "1", "1");
        document.QuerySelector("#crashes p.tally")!.TextContent.Should().Be("4 crashes: 1 deployed, 0 landed, 1 rejected, 0 failed, 1 rolled back, 1 interrupted.");
        document.QuerySelectorAll("#crashes > table tbody tr")
            .Select(r => (r.GetAttribute("data-task"), r.GetAttribute("data-result")))
            .Should().Equal(("1", "deployed"), ("2", "rolledback"), ("3", "rejected"), ("4", "interrupted"));
        Fields(document, "crash[1].title", "crash[1].seen", "crash[1].result", "crash[1].ticket", "crash[1].duration", "crash[1].latency")
            .Should().Equal(DivideTitle, "2", "deployed", "NS-0001", "32.0 s", "182 ms");
        Fields(document, "crash[2].result", "crash[2].ticket", "crash[2].duration", "crash[2].latency")
            .Should().Equal("rolled back", "NS-0002", "56.6 s", "240 ms");
        Fields(document, "crash[4].title", "crash[4].result", "crash[4].ticket", "crash[4].duration")
            .Should().Equal(LookupTitle, "interrupted", "-", "1.8 s");
        document.QuerySelector("td[data-field='crash[3].result']")!.ClassList.Should().Contain("rejected");
    }

    [Fact(Timeout = 60_000)]
    public async Task Each_crash_has_its_steps_with_timings_rungs_and_outcomes()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var document = ReportFixture.Parse(HtmlReport.Render(await fixture.LoadAsync()));

        document.QuerySelectorAll("article.crash").Select(a => a.Id).Should().Equal("crash-1", "crash-2", "crash-3", "crash-4");
        document.QuerySelectorAll("#crash-3 tbody tr")
            .Select(r => (r.GetAttribute("data-step"), Text(r, "agent"), r.GetAttribute("data-outcome"), Text(r, "duration")))
            .Should().Equal(
                ("restart", "-", "ok", "900 ms"),
                ("analyze", "small", "ok", "700 ms"), ("agent", "small", "ok", "10.0 s"), ("build", "small", "ok", "4.0 s"),
                ("verdict", "small", "failed", "3.0 s"),
                ("analyze", "large", "ok", "600 ms"), ("agent", "large", "ok", "25.0 s"), ("build", "large", "failed", "2.0 s"),
                ("verdict", "large", "failed", "100 ms"));
        Fields(document, "crash[3].signature", "crash[3].detected_at", "crash[3].format", "crash[3].kind", "crash[3].problem")
            .Should().Equal("sig-parse", "2025-03-02 01:30 UTC", "rust-panic", "panic", $"verdict: rejected: {BuildFailed}");
        Fields(document, "crash[2].step[7].summary").Should().Equal($"{HealthFailed}; rolled back to repository");
        document.QuerySelector("[data-field='crash[1].commit']")!.GetAttribute("title").Should().Be(ShaDivide);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_chart_stacks_each_crashs_steps_in_the_order_run()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var document = ReportFixture.Parse(HtmlReport.Render(await fixture.LoadAsync()));

        var bars = document.QuerySelectorAll("#chart-crash-steps svg > g[data-task]").ToList();
        bars.Select(g => (g.GetAttribute("data-task"), g.GetAttribute("data-total-ms"))).Should().Equal(
            ("1", "31950"), ("2", "56500"), ("3", "46300"), ("4", "1800"));
        var parse = bars[2].QuerySelectorAll("g[data-step]").ToList();
        parse.Select(g => (g.GetAttribute("data-step"), g.GetAttribute("data-agent"), g.GetAttribute("data-duration-ms"))).Should().Equal(
            ("restart", null, "900"), ("analyze", "small", "700"), ("agent", "small", "10000"), ("build", "small", "4000"), ("verdict", "small", "3000"),
            ("analyze", "large", "600"), ("agent", "large", "25000"), ("build", "large", "2000"), ("verdict", "large", "100"));
        var xs = parse.Select(g => double.Parse(g.QuerySelector("rect")!.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        xs.Should().BeInAscendingOrder("each step starts where the one before it ended");
        parse[^1].QuerySelector("rect")!.ClassList.Should().Contain(["step-verdict", "failed"]);
        parse[^1].QuerySelector("title")!.TextContent.Should().Be("verdict (large): failed, 100 ms");
        bars[1].QuerySelector("[data-field='crash[2].chart.total']")!.TextContent.Should().Be("56.5 s");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_crash_watch_report_without_snapshots_has_no_cluster_or_error_sections_and_no_script()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var document = ReportFixture.Parse(HtmlReport.Render(await fixture.LoadAsync()));

        document.Title.Should().Be("Nightshift report: session 1 (crash-watch)");
        document.QuerySelectorAll("#clusters, #chart-errors, [data-field='summary.clusters_remaining']").Should().BeEmpty();
        document.QuerySelectorAll("svg").Should().HaveCount(2, "the crash steps chart and the attempts chart");
        document.QuerySelectorAll("script, link, img, iframe, object, embed").Should().BeEmpty();
        document.QuerySelectorAll("section").Select(s => s.Id).Should().Equal(
            "summary", "targets", "crashes", "commits", "rejections", "alerts", "agents", "chart-attempts", "history");
    }

    private static List<string> Fields(IDocument document, params string[] fields) =>
        [.. fields.Select(f => document.QuerySelectorAll("[data-field]").Single(e => e.GetAttribute("data-field") == f).TextContent)];

    private static string Text(IElement row, string field) =>
        row.QuerySelectorAll("[data-field]").Single(e => e.GetAttribute("data-field")!.EndsWith($".{field}", StringComparison.Ordinal)).TextContent;
}
