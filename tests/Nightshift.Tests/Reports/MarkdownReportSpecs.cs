using Nightshift.Reports;

namespace Nightshift.Tests.Reports;

public sealed class MarkdownReportSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task The_markdown_report_states_the_nights_measured_figures()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var lines = MarkdownReport.Render(await fixture.LoadAsync()).Split('\n');

        lines[0].Should().Be("# Nightshift report: session 2 (burn-down)");
        lines.Should().Contain([
            "- Duration: 4h 00m",
            "- Stop reason: time-budget",
            "- Commits: 2",
            "- Errors: 40 -> 21 (-19)",
            "- Warnings: 5 -> 4 (-1)",
            "- Clusters remaining: 4",
            "- Attempts: 5 (2 landed, 2 rejected, 1 abandoned)",
            "- Cost: $0.55 (4,400 tokens in, 1,000 out)",
            "| at least 5 commits | **missed** | 2 commits |",
            "| tests still pass | **met** | 141/141 passed |",
            "| largest cluster reduced by at least 50% | **met** | rustc:error:E0308: 20 -> 0 (100% fewer) |",
            "| NS-2 | rustc:error:E0308 | rustc:error:E0308 20 -> 9; errors 40 -> 29; tests 140/140 | NS-2: Fix E0308 in parser::expr | openai | a1b2c3d4e5 |",
            "| NS-3 | rustc:error:E0308 | rustc:error:E0308 9 -> 8; errors 29 -> 28; tests 141/141 | NS-3: Fix E0308 in parser::stmt | anthropic | 0f1e2d3c4b |",
            "| rustc:error:E0308 | error | 20 | 0 | -20 |",
            "| rustc:error:E0282 | error | 0 | 1 | +1 |",
            "| test_broke | 2 | test parser::tests::expr passed at baseline and failed after; test lexer::tests::eof passed at baseline and failed after |",
            "| new_cluster | 1 | E0282 appeared with 3 diagnostics: a new cluster |",
            $"| 2025-03-01 03:41 UTC | warning | repeated_rejections | {NightJournal.RepeatedRejections} |",
            "| openai | 2 | 1 | 1 | 0 | 2,700 | 700 | $0.30 |",
            "| **Total** | 5 | 2 | 2 | 1 | 4,400 | 1,000 | $0.55 |",
            "| 1 | burn-down | 2025-02-28 01:00 UTC | 2h 00m | clusters-exhausted | 1 | 0 | 50 -> 40 | $0.50 |",
            "| **2** | burn-down | 2025-03-01 02:00 UTC | 4h 00m | time-budget | 2 | 2 | 40 -> 21 | $0.55 |",
        ]);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_earlier_session_is_reported_on_its_own_figures()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var markdown = MarkdownReport.Render(await fixture.LoadAsync(sessionId: 1));

        markdown.Should().StartWith("# Nightshift report: session 1 (burn-down)")
            .And.Contain("- Errors: 50 -> 40 (-10)")
            .And.Contain("| NS-1 | rustc:error:E0308 | rustc:error:E0308 30 -> 20; errors 50 -> 40; tests 140/140 | NS-1: Fix E0308 in lexer | openai |")
            .And.Contain("## Rejected attempts by reason\n\nNo attempt was rejected.")
            .And.Contain("## Alerts\n\nNo alerts.")
            .And.Contain("| largest cluster reduced by at least 50% | **missed** | rustc:error:E0308: 30 -> 20 (33% fewer) |");
    }
}
