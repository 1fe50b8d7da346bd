using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Nightshift.Files;
using Nightshift.Sessions;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Bench;

/// <summary><c>nightshift bench run</c> and <c>bench report</c> as a person (or CI) uses them.</summary>
public sealed class BenchCliSpecs : IDisposable
{
    private readonly TempDir _dir = new("bench-cli");

    [Fact(Timeout = 60_000)]
    public async Task Run_refuses_with_exit_3_while_another_session_holds_the_repository()
    {
        TinySuite.Create(_dir);
        Suite("suite-cli.yml", "[reference]");
        using var held = SessionLock.Acquire(NightshiftPaths.For(_dir.Path), "run");

        var result = await CliRun.InProcessAsync(_dir.Path, ["bench", "run", "suite-cli.yml"]);

        result.ExitCode.Should().Be(ExitCodes.Locked, result.Err);
        Directory.Exists(_dir[".nightshift/bench"]).Should().BeFalse("nothing ran");
    }

    [Fact(Timeout = 60_000)]
    public async Task Run_prints_progress_on_stderr_and_a_json_summary_on_stdout()
    {
        TinySuite.Create(_dir, ["L1", "L2"]);
        Suite("suite-cli.yml", "[reference, none]");

        var result = await CliRun.InProcessAsync(_dir.Path, ["bench", "run", "suite-cli.yml", "--json", "--repeat", "2"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        var json = JsonNode.Parse(result.Out)!;
        json["status"]!.GetValue<string>().Should().Be("completed");
        ((int)json["planned"]!, (int)json["passed"]!, (int)json["failed"]!).Should().Be((8, 4, 4));
        json["agents"]!.AsArray().Select(a => ((string)a!["agent"]!, (double)a["rate"]!)).Should().Equal(("reference", 1.0), ("none", 0.0));
        json["directory"]!.GetValue<string>().Should().StartWith(".nightshift/bench/");
        result.Err.Should().Contain("[1/8] task1 · reference #1: pass in")
            .And.Contain("task1 · none #1: FAIL no_change in");
    }

    [Fact(Timeout = 60_000)]
    public async Task The_html_report_is_one_self_contained_file_with_charts_and_tables()
    {
        TinySuite.Create(_dir, ["L1", "L2"]);
        Suite("suite-cli.yml", "[reference, none]");
        (await CliRun.InProcessAsync(_dir.Path, ["bench", "run", "suite-cli.yml"])).ExitCode.Should().Be(ExitCodes.Ok);

        var result = await CliRun.InProcessAsync(_dir.Path, ["bench", "report", "last", "--format", "html", "--output", "report.html"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        var document = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(_dir["report.html"]));
        document.QuerySelectorAll("script, link, img, iframe, object").Should().BeEmpty();
        document.QuerySelectorAll("[src], [href]").Should().BeEmpty("nothing is fetched");
        document.QuerySelectorAll("svg").Length.Should().BeGreaterThanOrEqualTo(4);
        Cells(document, "#agents").Should().Contain(row => row.SequenceEqual(new[] { "reference", "2", "2", "100%", "[34–100%]" }));
        Cells(document, "#levels").Select(r => r[0]).Should().Equal("L1", "L2");
        Cells(document, "#failures").Should().Contain(row => row[0] == "none" && row[2] == "2");
        Cells(document, "#failed-runs").Select(r => r[0]).Should().Equal("task1-none-1", "task2-none-1");
        document.QuerySelector("#levels svg title")!.TextContent.Should().Contain("95% intervals");
    }

    [Fact(Timeout = 60_000)]
    public async Task Compare_flags_a_pass_rate_that_fell_with_non_overlapping_intervals_and_exits_1()
    {
        TinySuite.Create(_dir, ["L1", "L2"]);
        Suite("before.yml", "[{name: candidate, provider: reference}]");
        Suite("after.yml", "[{name: candidate, provider: none}]");
        var before = JsonNode.Parse((await CliRun.InProcessAsync(_dir.Path, ["bench", "run", "before.yml", "--repeat", "5", "--json"])).Out)!["id"]!.GetValue<string>();
        var after = JsonNode.Parse((await CliRun.InProcessAsync(_dir.Path, ["bench", "run", "after.yml", "--repeat", "5", "--json"])).Out)!["id"]!.GetValue<string>();

        var markdown = await CliRun.InProcessAsync(_dir.Path, ["bench", "report", after, "--compare", before]);
        var html = await CliRun.InProcessAsync(_dir.Path, ["bench", "report", after, "--compare", before, "--format", "html"]);
        var same = await CliRun.InProcessAsync(_dir.Path, ["bench", "report", before, "--compare", before]);

        markdown.ExitCode.Should().Be(ExitCodes.Failed);
        markdown.Out.Should().Contain($"## Compared with {before}")
            .And.Contain("| agent | candidate | 0/10 · 0% [0–28%] | 10/10 · 100% [72–100%] | **regression** |");
        markdown.Err.Should().Contain("regression: agent candidate:");
        new HtmlParser().ParseDocument(html.Out).QuerySelectorAll("#comparison tr.regression").Length.Should().Be(5, "agent, 2 levels, 2 level/agent pairs");
        same.ExitCode.Should().Be(ExitCodes.Ok);
        same.Out.Should().Contain("No regression");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_suite_agent_of_a_configured_provider_runs_with_the_suite_settings_over_nightshift_yml()
    {
        TinySuite.Create(_dir, ["L1", "L2"]);
        _dir.Write("nightshift.yml", "version: 1\nagent:\n  provider: command\n  command: [sh, -c, 'echo left > answer.txt']\n");
        Suite("suite-agents.yml", "[{name: fixer, provider: command, command: [sh, -c, 'echo right > answer.txt']}, {name: configured, provider: command}]");

        var result = await CliRun.InProcessAsync(_dir.Path, ["bench", "run", "suite-agents.yml", "--json"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        JsonNode.Parse(result.Out)!["agents"]!.AsArray().Select(a => ((string)a!["agent"]!, (double)a["rate"]!))
            .Should().Equal(("fixer", 1.0), ("configured", 0.0));
        result.Err.Should().Contain("task1 · configured #1: FAIL acceptance_failed");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(new[] { "bench", "run", "suite-cli.yml", "--jobs", "-1" }, "--jobs must be at least 0")]
    [InlineData(new[] { "bench", "run", "missing.yml" }, "missing.yml does not exist")]
    [InlineData(new[] { "bench", "report", "nope" }, "There is no bench 'nope'")]
    [InlineData(new[] { "bench", "report", "--format", "pdf" }, "pdf")]
    [InlineData(new[] { "bench", "run", "suite-cli.yml", "--agent", "gpt" }, "--agent gpt: ")]
    [InlineData(new[] { "bench", "run", "suite-llm.yml" }, "agent.api_key_env names NIGHTSHIFT_BENCH_UNSET_KEY, but NIGHTSHIFT_BENCH_UNSET_KEY is not set")]
    public async Task Mistakes_are_usage_errors_that_say_what_to_do(string[] args, string expected)
    {
        TinySuite.Create(_dir);
        Suite("suite-cli.yml", "[reference]");
        Suite("suite-llm.yml", "[{name: gpt, provider: openai, model: gpt-5, api_key_env: NIGHTSHIFT_BENCH_UNSET_KEY}]");

        var result = await CliRun.InProcessAsync(_dir.Path, args);

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        result.Err.Should().Contain(expected);
        result.Out.Should().BeEmpty();
    }

    /// <summary>The tiny suite's tasks with other agents, as another file next to it.</summary>
    private void Suite(string name, string agents)
    {
        var text = File.ReadAllText(_dir["suite.yml"]) + $"agents: {agents}\n";
        _dir.Write(name, text);
    }

    private static List<string[]> Cells(AngleSharp.Dom.IDocument document, string section) =>
        document.QuerySelectorAll($"{section} tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();

    public void Dispose() => _dir.Dispose();
}
