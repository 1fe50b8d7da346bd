using System.Text.Json;
using Nightshift.Tests.Probing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Cli;

public sealed class BaselineSarifSpecs : IDisposable
{
    private readonly ProbeRepo _repo = new();

    [Fact(Timeout = 30_000)]
    public async Task The_sarif_file_has_a_run_per_tool_its_codes_as_rules_and_a_located_result_per_diagnostic()
    {
        _repo.CorpusConfig(steps: "      - [sh, -c, 'cat \"$1\"; [ \"$1\" != items/crash.txt ] || exit 134', sh, \"{item}\"]");
        _repo.AddItem("a.txt",
            "src/a.c:3:5: error: 'x' undeclared",
            "src/a.c:4:9: warning: unused variable 'y' [-Wunused-variable]",
            "src/dir with space/b.c:10:2: warning: unused variable 'q' [-Wunused-variable]");
        _repo.AddItem("crash.txt");

        var run = await CliRun.InProcessAsync(_repo.Root, ["baseline", "--sarif", "report.sarif"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(_repo["report.sarif"]));
        var root = sarif.RootElement;
        root.GetProperty("version").GetString().Should().Be("2.1.0");
        root.GetProperty("$schema").GetString().Should().Contain("sarif-2.1.0");
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        runs.Select(r => r.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString()).Should().Equal("gcc", "nightshift");

        var gcc = runs[0];
        var rules = gcc.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()).ToList();
        rules.Should().Equal("'{}' undeclared", "-Wunused-variable");
        var results = gcc.GetProperty("results").EnumerateArray().ToList();
        results.Should().HaveCount(3);
        results.Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("level").GetString(), r.GetProperty("message").GetProperty("text").GetString()))
            .Should().Equal(("'{}' undeclared", "error", "'x' undeclared"), ("-Wunused-variable", "warning", "unused variable 'y'"),
                ("-Wunused-variable", "warning", "unused variable 'q'"));
        results.Should().OnlyContain(r => rules[r.GetProperty("ruleIndex").GetInt32()] == r.GetProperty("ruleId").GetString());
        var location = results[0].GetProperty("locations").EnumerateArray().Single().GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("src/a.c");
        location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().Should().Be("SRCROOT");
        location.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(3);
        location.GetProperty("region").GetProperty("startColumn").GetInt32().Should().Be(5);
        results[2].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()
            .Should().Be("src/dir%20with%20space/b.c");
        gcc.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()
            .Should().Be(new Uri(_repo.Root + "/").AbsoluteUri);

        var crash = runs[1].GetProperty("results").EnumerateArray().Should().ContainSingle().Which;
        crash.GetProperty("ruleId").GetString().Should().Be("step-failed");
        crash.GetProperty("level").GetString().Should().Be("error");
        crash.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()
            .Should().Be("items/crash.txt");
        crash.GetProperty("locations")[0].GetProperty("physicalLocation").TryGetProperty("region", out _)
            .Should().BeFalse("the failure has a file but no line, and SARIF regions need a start line");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_sarif_path_that_cannot_be_written_fails_the_command_with_a_message()
    {
        _repo.CorpusConfig();
        _repo.AddItem("a.txt");
        _repo.Write("blocker", "a file where a folder should be");

        var run = await CliRun.InProcessAsync(_repo.Root, ["baseline", "--sarif", "blocker/report.sarif"]);

        run.ExitCode.Should().Be(ExitCodes.Failed);
        run.Err.Should().Contain("cannot write the SARIF report").And.Contain("blocker");
    }

    public void Dispose() => _repo.Dispose();
}
