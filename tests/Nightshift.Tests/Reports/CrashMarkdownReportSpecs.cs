using Nightshift.Reports;
using static Nightshift.Tests.Reports.CrashJournal;

namespace Nightshift.Tests.Reports;

public sealed class CrashMarkdownReportSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task The_markdown_report_of_a_crash_watch_session_tallies_and_tables_its_crashes()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var lines = MarkdownReport.Render(await fixture.LoadAsync()).Split('\n');

        lines[0].Should().Be("# Nightshift report: session 1 (crash-watch)");
        lines.Should().Contain([
            "- Duration: 45m 00s",
            "- Stop reason: interrupted",
            "- Commits: 2",
            "- Attempts: 5 (2 landed, 2 rejected, 1 abandoned)",
            "- Cost: $0.18 (6,000 tokens in, 1,200 out)",
            "## Crashes",
            "4 crashes: 1 deployed, 0 landed, 1 rejected, 0 failed, 1 rolled back, 1 interrupted.",
            "| # | Crash | Seen | Result | Ticket | Total time | Latency |",
            $"| 1 | {DivideTitle} | 2 | deployed | NS-0001 | 32.0 s | 182 ms |",
            $"| 2 | {ItemTitle} | 1 | rolled back | NS-0002 | 56.6 s | 240 ms |",
            $"| 3 | {ParseTitle} | 1 | rejected | - | 46.4 s | 310 ms |",
            @"| 4 | called \`Option::unwrap()\` on a \`None\` value in handlers::lookup | 1 | interrupted | - | 1.8 s | 150 ms |",
            "| tests still pass | **met** | 3/3 passed |",
            @"| build_failed | 1 | the build failed: 'cargo build' exited 101: error\[E0308\]: mismatched types |",
            $"| test_broke | 1 | {TestBroke} |",
        ]);
    }

    [Fact(Timeout = 60_000)]
    public async Task Each_crash_lists_its_steps_with_timings_and_the_rung_they_ran_for()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var markdown = MarkdownReport.Render(await fixture.LoadAsync());

        markdown.Should().Contain(
            $"""
            ### Crash 1: {DivideTitle}

            - Signature: sig-divide
            - Detected: 2025-03-02 01:10 UTC (rust-panic, panic)
            - Result: deployed (NS-0001, {ShaDivide[..10]})

            | Step | Agent | Outcome | Duration | Summary |
            | --- | --- | --- | --- | --- |
            | restart | - | ok | 1.2 s | restarted repository, healthy after 1.1 s |
            | analyze | - | ok | 850 ms | 1 own frame(s) in 1 file(s), 2 recent commit(s) |
            | agent | - | ok | 20.0 s | done, 1 file(s) changed |
            """.ReplaceLineEndings("\n"));
        markdown.Should().Contain("| push | - | skipped | 0 ms | landing.push is off |")
            .And.Contain($"- Problem: {HealthFailed}")
            .And.Contain("| deploy | - | failed | 30.0 s | GET /health answered 404 within 3s; rolled back to repository |")
            .And.Contain("| verdict | small | failed | 3.0 s | rejected: test tests::parse_rejects_words passed at baseline and failed after |")
            .And.Contain("| agent | large | ok | 25.0 s | done, 2 file(s) changed |")
            .And.Contain(@"- Problem: verdict: rejected: the build failed: 'cargo build' exited 101: error\[E0308\]: mismatched types");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_crash_watch_session_without_snapshots_has_no_cluster_or_error_sections()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var markdown = MarkdownReport.Render(await fixture.LoadAsync());

        markdown.Should().NotContain("## Clusters").And.NotContain("- Errors:").And.NotContain("- Clusters remaining")
            .And.NotContain("largest cluster");
        markdown.IndexOf("## Crashes", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("## Commits", StringComparison.Ordinal));
    }
}
