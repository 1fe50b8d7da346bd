using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Metrics;

namespace Nightshift.Tests.Learn;

public sealed class EvalCommandSpecs
{
    [Fact(Timeout = 300_000)]
    public async Task Eval_runs_the_configured_agent_on_the_eval_koans_and_appends_its_numbers_to_the_metrics()
    {
        using var repo = new TempDir("eval");
        ReplayModels.Recording(repo, "three", "result-collect", "traits-partialeq-compare", "borrow-thread-closure-capture");
        repo.Write("nightshift.yml", "version: 1\nagent:\n  provider: replay\n  replay: replay/three.jsonl\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["eval", "--json", "--jobs", "2"]);

        result.ExitCode.Should().Be(0, result.Err);
        var printed = (EvalRecord)JsonSerializer.Deserialize<MetricsRecord>(result.Out, LearnJson.Compact)!;
        printed.Runs.Should().Be(9);
        printed.Passed.Should().Be(3);
        printed.PassRate.Should().BeApproximately(3.0 / 9, 1e-12);
        printed.MeanStepsToGreen.Should().Be(1);
        printed.RepeatErrorRate.Should().Be(0, "nothing was fixed before this eval");
        printed.Agent.Should().Be("replay");
        printed.Failed.Should().HaveCount(6).And.NotContain("result-collect");
        printed.EvalSetHash.Should().Be(BundledKoans.Set.EvalSetHash);
        printed.Families.Should().Equal(new FamilyScore("borrow", 3, 1), new FamilyScore("result-option", 3, 1), new FamilyScore("traits", 3, 1));
        var families = JsonNode.Parse(result.Out)!["families"]!.AsArray();
        families.Select(f => (f!["family"]!.GetValue<string>(), f["passRate"]!.GetValue<double>()))
            .Should().Equal(("borrow", 1.0 / 3), ("result-option", 1.0 / 3), ("traits", 1.0 / 3));
        (await new MetricsLog(NightshiftPaths.For(repo.Path).Metrics).ReadAsync(CancellationToken.None)).Should().ContainSingle().Which.Should().BeEquivalentTo(printed);
        result.Err.Should().Contain("pass result-collect #1").And.Contain("FAIL option-average-empty #1");
    }

    [Fact(Timeout = 300_000)]
    public async Task Eval_runs_an_external_command_agent_made_by_the_agent_factory()
    {
        using var repo = new TempDir("eval");
        repo.Write("nightshift.yml", $"version: 1\nagent:\n  provider: command\n  command: ['{Binaries.Dummy}', fake-claude]\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["eval", "--json", "--jobs", "2"]);

        result.ExitCode.Should().Be(0, result.Err);
        var printed = (EvalRecord)JsonSerializer.Deserialize<MetricsRecord>(result.Out, LearnJson.Compact)!;
        printed.Agent.Should().Be("command");
        printed.Runs.Should().Be(9);
        printed.Passed.Should().Be(0, "the fake CLI writes fixed.txt and leaves the koan as it was");
    }
}
