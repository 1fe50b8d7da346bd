using System.Globalization;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Metrics;

namespace Nightshift.Tests.Learn;

public sealed class LearnCommandSpecs
{
    [Fact(Timeout = 300_000)]
    public async Task Learn_trains_evaluates_and_gates_each_cycle_and_prints_the_outcome()
    {
        using var repo = await RepositoryAsync("""
            learn:
              train:
                command: [sh, train.sh, "{dataset}", "{output}"]
                loss_pattern: 'loss=(?<loss>[0-9.]+)'
              gates:
                margin: 0.05
            """);
        repo.Write("train.sh", "test -s \"$1\" && echo loss=0.7 && echo loss=0.3 && mkdir -p \"$2\" && echo model: tuned-$(date +%N)\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["learn", "--cycles", "2", "--koans", "koans", "--json"]);

        result.ExitCode.Should().Be(0, result.Err);
        var json = JsonNode.Parse(result.Out)!;
        json["cycles"]!.AsArray().Select(c => c!["decision"]!.GetValue<string>()).Should().Equal("promoted", "promoted");
        json["promoted"]!.GetValue<string>().Should().StartWith("tuned-").And.Be(json["cycles"]![1]!["model"]!.GetValue<string>());
        json["baseline"]!["passRate"]!.GetValue<double>().Should().Be(0.5);
        Families(json["baseline"]!["families"]!).Should().Equal(("result-option", 1.0), ("traits", 0.0));

        // The replay agent answers the same whatever the model: every family as the baseline, nothing forgotten, no transfer.
        foreach (var cycle in json["cycles"]!.AsArray())
        {
            Families(cycle!["candidate"]!["families"]!).Should().Equal(("result-option", 1.0), ("traits", 0.0));
            cycle["continual"]!["forgetting"]!.GetValue<double>().Should().Be(0);
            cycle["continual"]!["largestDrop"].Should().BeNull();
            cycle["continual"]!["forwardTransfer"]!.AsArray().Select(t => (t!["family"]!.GetValue<string>(), t["transfer"]!.GetValue<double>()))
                .Should().Equal(("result-option", 0.0), ("traits", 0.0));
        }

        result.Err.Should().Contain("[cycle 2] forgetting 0.0 pp (no family fell); forward transfer vs baseline: result-option 0.0 pp, traits 0.0 pp");
        result.Err.Should().Contain("[cycle 1] training on 1 example(s)").And.Contain("step 2: loss 0.3").And.Contain("[cycle 2] promoted tuned-");
        var records = await new MetricsLog(NightshiftPaths.For(repo.Path).Metrics).ReadAsync(CancellationToken.None);
        records.OfType<GateRecord>().Should().HaveCount(2).And.OnlyContain(g => g.Margin == 0.05);
        records.OfType<TrainingRecord>().Should().OnlyContain(t => t.FinalLoss == 0.3);
        var reportPath = repo[$".nightshift/reports/learn-{json["session"]!.GetValue<long>()}.html"];
        result.Err.Should().Contain($"report: {reportPath}");
        var chart = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(reportPath)).QuerySelector("#chart-pass-rate svg")!;
        chart.QuerySelectorAll("circle.point").Select(p => p.GetAttribute("data-value"))
            .Should().Equal(records.OfType<EvalRecord>().Where(e => e.Role == "candidate").Select(e => e.PassRate.ToString("R", CultureInfo.InvariantCulture)));
    }

    [Fact(Timeout = 300_000)]
    public async Task Learn_day_runs_the_agent_on_the_train_koans_and_records_their_episodes_without_a_trainer()
    {
        using var repo = new TempDir("learn-day-cli");
        TestKoans.Split(repo, train: ["option-match-exhaustive", "option-average-empty"], eval: ["traits-partialeq-compare"]);
        ReplayModels.Recording(repo, "agent", "option-match-exhaustive");
        repo.Write("nightshift.yml", "version: 1\nagent:\n  provider: replay\n  replay: replay/agent.jsonl\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["learn", "day", "--koans", "koans", "-k", "2", "--json"]);

        result.ExitCode.Should().Be(0, result.Err);
        var json = JsonNode.Parse(result.Out)!;
        (json["koans"]!.GetValue<int>(), json["runs"]!.GetValue<int>(), json["passed"]!.GetValue<int>()).Should().Be((2, 4, 2));
        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var episodes = await new EpisodeJournal(journal).ReadAsync(EpisodeQuery.All, CancellationToken.None);
        episodes.Should().HaveCount(4).And.OnlyContain(e => e.Workload == "learn" && e.Task.Kind == "koan");
        episodes.Where(e => e.Outcome == EpisodeOutcome.Accepted).Select(e => e.Task.Key).Should().Equal("option-match-exhaustive", "option-match-exhaustive");
        (await new MetricsLog(NightshiftPaths.For(repo.Path).Metrics).ReadAsync(CancellationToken.None)).Should().ContainSingle().Which.Should().BeOfType<DayRecord>();
    }

    [Fact(Timeout = 120_000)]
    public async Task Learn_without_a_trainer_is_a_configuration_error()
    {
        using var repo = await RepositoryAsync("");

        var result = await CliRun.InProcessAsync(repo.Path, ["learn", "--koans", "koans"]);

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("has no 'learn.train' section");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_failing_trainer_fails_the_command_with_the_reason()
    {
        using var repo = await RepositoryAsync("learn:\n  train:\n    command: \"echo no GPU >&2; exit 4\"\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["learn", "--koans", "koans"]);

        result.ExitCode.Should().Be(1);
        result.Out.Should().Contain("cycle 1: rolled back (no model): training failed: sh -c").And.Contain("exited with 4");
        result.Out.Should().Contain("promoted model: none (the configured agent stays)");
    }

    private static IEnumerable<(string Family, double PassRate)> Families(JsonNode families) =>
        families.AsArray().Select(f => (f!["family"]!.GetValue<string>(), f["passRate"]!.GetValue<double>()));

    /// <summary>A repository whose replay agent solves one of two eval koans, with one lesson in its journal.</summary>
    private static async Task<TempDir> RepositoryAsync(string learnSection)
    {
        var repo = new TempDir("learn");
        TestKoans.EvalOnly(repo, "option-match-exhaustive", "traits-partialeq-compare");
        ReplayModels.Recording(repo, "agent", "option-match-exhaustive");
        repo.Write("nightshift.yml", $"version: 1\nagent:\n  provider: replay\n  replay: replay/agent.jsonl\n{learnSection}\n");
        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        await new EpisodeSeeder(journal).AddAsync("burn-down", "rustc:E0308", EpisodeOutcome.Accepted, ["E0308"], [], kind: "cluster");
        return repo;
    }
}
