using System.Text.Json;
using Nightshift.Tests.Support;
using static Nightshift.Tests.Reports.CrashJournal;

namespace Nightshift.Tests.Reports;

public sealed class CrashReportCommandSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task Report_in_markdown_lists_the_crash_watch_sessions_crashes()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var result = await CliRun.InProcessAsync(fixture.Root, ["report", "--format", "md"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        result.Out.Should().StartWith("# Nightshift report: session 1 (crash-watch)")
            .And.Contain("4 crashes: 1 deployed, 0 landed, 1 rejected, 0 failed, 1 rolled back, 1 interrupted.")
            .And.Contain($"### Crash 3: {ParseTitle}");
    }

    [Fact(Timeout = 60_000)]
    public async Task Report_in_html_writes_the_crashes_and_their_chart()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var result = await CliRun.InProcessAsync(fixture.Root, ["report", "--format", "html"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        var document = ReportFixture.Parse(await File.ReadAllTextAsync(result.Out.Trim()));
        document.QuerySelectorAll("#crashes > table tbody tr").Should().HaveCount(4);
        document.QuerySelectorAll("#chart-crash-steps svg > g[data-task]").Should().HaveCount(4);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("--json")]
    [InlineData("--format=json")]
    public async Task Report_json_includes_the_crashes(string json)
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var result = await CliRun.InProcessAsync(fixture.Root, ["report", json]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        using var document = JsonDocument.Parse(result.Out);
        var crashes = document.RootElement.GetProperty("crashes");
        crashes.EnumerateArray().Select(c => c.GetProperty("result").GetString()).Should().Equal("deployed", "rolledback", "rejected", "interrupted");
        crashes[0].GetProperty("seen").GetInt32().Should().Be(2);
        crashes[0].GetProperty("steps").GetArrayLength().Should().Be(8);
    }
}
