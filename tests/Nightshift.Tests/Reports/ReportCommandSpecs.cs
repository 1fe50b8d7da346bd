using System.Text.Json;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Reports;

public sealed class ReportCommandSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task Report_prints_markdown_of_the_last_session_by_default()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var result = await CliRun.InProcessAsync(fixture.Root, ["report"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        result.Out.Should().StartWith("# Nightshift report: session 2 (burn-down)").And.Contain("- Commits: 2");
    }

    [Fact(Timeout = 60_000)]
    public async Task Report_in_html_writes_the_file_under_nightshift_reports_and_prints_its_path()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var result = await CliRun.InProcessAsync(fixture.Root, ["report", "--format", "html", "--session", "1"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        var path = Path.Combine(fixture.NightshiftDirectory, "reports", "1.html");
        result.Out.Trim().Should().Be(path);
        var document = ReportFixture.Parse(await File.ReadAllTextAsync(path));
        document.QuerySelector("[data-field='session.id']")!.TextContent.Should().Be("1");
    }

    [Fact(Timeout = 60_000)]
    public async Task Report_writes_markdown_to_out_and_prints_the_path()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var result = await CliRun.InProcessAsync(fixture.Root, ["report", "--out", "night.md"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        result.Out.Trim().Should().Be(Path.Combine(fixture.Root, "night.md"));
        (await File.ReadAllTextAsync(Path.Combine(fixture.Root, "night.md"))).Should().StartWith("# Nightshift report: session 2");
    }

    [Fact(Timeout = 60_000)]
    public async Task Report_json_prints_the_report_data()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var result = await CliRun.InProcessAsync(fixture.Root, ["report", "--json", "--session", "last"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("session").GetProperty("id").GetInt64().Should().Be(2);
        json.RootElement.GetProperty("clusters").GetArrayLength().Should().Be(5);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task A_session_that_is_neither_an_id_nor_last_is_a_usage_error(string session)
    {
        using var fixture = await ReportFixture.CreateAsync();

        var result = await CliRun.InProcessAsync(fixture.Root, ["report", $"--session={session}"]);

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        result.Err.Should().Contain("--session takes a session id");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_session_the_journal_lacks_fails_with_the_range_it_holds()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var result = await CliRun.InProcessAsync(fixture.Root, ["report", "--session", "7"]);

        result.ExitCode.Should().Be(ExitCodes.Failed);
        result.Err.Should().Contain("has no session 7").And.Contain("sessions 1 to 2");
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_a_journal_there_is_nothing_to_report_and_none_is_created()
    {
        using var repo = new TempDir("report");
        repo.Write("nightshift.yml", "version: 1\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["report"]);

        result.ExitCode.Should().Be(ExitCodes.Failed);
        result.Err.Should().Contain("no session has run in this repository yet");
        Directory.Exists(repo[".nightshift"]).Should().BeFalse();
    }
}
