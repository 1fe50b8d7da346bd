using System.Globalization;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Nightshift.Agents;
using Nightshift.Attempts.Episodes;
using Nightshift.Cli.Rendering;
using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Telemetry.Events;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Cycles;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Gates;
using Nightshift.Workloads.Learn.Koans;
using Nightshift.Workloads.Learn.Metrics;
using Nightshift.Workloads.Learn.Reporting;

namespace Nightshift.Tests.Learn;

/// <summary>
/// The whole loop with a fake trainer (a script that names its n-th model candidate-n) and replay agents
/// standing in for models of known skill, on four eval koans:
/// the baseline solves 1 of 4 (and repeats E0502, which the journal shows fixed), the "better" model 3 of 4,
/// the "worse" one 1 of 4 again.
/// </summary>
public sealed class LearnLoopSpecs
{
    private static readonly string[] _evalKoans =
        ["borrow-self-method-while-iterating", "option-average-empty", "option-match-exhaustive", "traits-partialeq-compare"];

    [Fact(Timeout = 600_000)]
    public async Task A_better_model_is_promoted_a_worse_one_rolled_back_and_the_metrics_say_why()
    {
        using var dir = new TempDir("learn");
        var (koans, journal) = await ArrangeAsync(dir);
        await using var _ = journal;
        var loop = Loop(dir, koans, journal, better: ["candidate-1"]);

        var report = await loop.RunAsync(Options(cycles: 2), null, CancellationToken.None);

        report.Baseline.PassRate.Should().Be(0.25);
        report.Baseline.RepeatErrorRate.Should().BeApproximately(1.0 / 3, 1e-12);
        report.Cycles.Select(c => c.Decision.Name).Should().Equal("promoted", "rolled-back");
        report.Cycles[0].Candidate!.Model.Should().Be("candidate-1");
        report.Cycles[0].Candidate!.PassRate.Should().Be(0.75);
        report.Cycles[1].Decision.Reasons.Should().Equal(
            "pass rate vs promoted: pass rate 25.0% vs 75.0% of candidate-1 (margin 1.0%)",
            "repeat-error rate does not rise: repeat-error rate 33.3% vs 0.0% of candidate-1");
        report.Promoted.Should().Be("candidate-1");
        report.Cycles[1].Dataset.Sources.Replay.Should().Be(report.Cycles[0].Dataset.Dataset, "the promoted model's data is replayed");
        report.Cycles[0].Training!.Losses.Should().HaveCount(3);

        var metrics = await new MetricsLog(NightshiftPaths.For(dir.Path).Metrics).ReadAsync(CancellationToken.None);
        metrics.Select(Describe).Should().Equal(
            "eval baseline", "train 1", "eval candidate 1", "gate 1 promoted", "train 2", "eval candidate 2", "gate 2 rolled-back");
        var rollback = metrics.OfType<GateRecord>().Last();
        rollback.Candidate.Should().Be("candidate-2");
        rollback.Reasons.Should().Equal(report.Cycles[1].Decision.Reasons);
        rollback.Promoted!.Model.Should().Be("candidate-1");
        rollback.CandidateScore!.PassRate.Should().Be(0.25);
        var line = (await File.ReadAllLinesAsync(dir[".nightshift/metrics.jsonl"]))[^1];
        line.Should().Contain("\"decision\":\"rolled-back\"").And.Contain("pass rate vs promoted: pass rate 25.0% vs 75.0%");
        var events = await journal.ReadEventsAsync(report.SessionId, 0, 100, CancellationToken.None);
        events.Select(e => e.Kind).Should().Equal(
            "learn.evaluated", "learn.trained", "learn.evaluated", "learn.gated", "learn.trained", "learn.evaluated", "learn.gated");
        events.Select(e => EventJson.Read(e.Kind, e.PayloadJson is null ? null : JsonNode.Parse(e.PayloadJson)!.AsObject())).Should().BeEquivalentTo(metrics, o => o.WithStrictOrdering().RespectingRuntimeTypes());
    }

    [Fact(Timeout = 600_000)]
    public async Task From_an_empty_journal_the_day_phase_on_the_train_koans_gives_the_dataset_its_examples()
    {
        using var dir = new TempDir("learn-day");
        await using var journal = Journal.Open(NightshiftPaths.For(dir.Path).Journal);
        var koans = TestKoans.Split(dir, train: ["option-average-empty", "traits-partialeq-compare"], eval: ["option-match-exhaustive", "borrow-self-method-while-iterating"]);
        var baseline = ReplayModels.Solving(dir, "day-baseline", "option-match-exhaustive", "traits-partialeq-compare");
        var better = ReplayModels.Solving(dir, "day-better", "option-match-exhaustive", "borrow-self-method-while-iterating");
        var loop = Loop(dir, koans, journal, better: [], agents: model => model is null ? baseline : better);

        var report = await loop.RunAsync(Options(cycles: 1), null, CancellationToken.None);

        var metrics = await new MetricsLog(NightshiftPaths.For(dir.Path).Metrics).ReadAsync(CancellationToken.None);
        metrics.Select(Describe).Should().Equal("eval baseline", "day 1", "train 1", "eval candidate 1", "gate 1 promoted");
        var day = metrics.OfType<DayRecord>().Single();
        (day.Koans, day.Runs, day.Passed, day.SessionId).Should().Be((2, 2, 1, report.SessionId), "the baseline solves one of the two train koans");

        // The day's runs are attempts of the learn session, recorded as a night records its attempts: with their episodes.
        var episodes = await new EpisodeJournal(journal).ReadAsync(EpisodeQuery.All, CancellationToken.None);
        var learned = episodes.Where(e => e.Workload == LearnLoop.Workload).ToList();
        learned.Select(e => (e.Task.Key, e.Outcome)).Should().BeEquivalentTo(
            [("option-average-empty", EpisodeOutcome.Rejected), ("traits-partialeq-compare", EpisodeOutcome.Accepted)]);

        // The dataset learns from the train koan that failed and was then fixed, and from no eval koan.
        var dataset = report.Cycles[0].Dataset;
        dataset.Counts.New.Should().Be(1);
        var text = await File.ReadAllTextAsync(dataset.Dataset);
        text.Should().Contain("PartialEq").And.NotContain("option-match-exhaustive").And.NotContain("borrow-self-method-while-iterating");
        report.Cycles[0].Decision.Name.Should().Be("promoted");
    }

    [Fact(Timeout = 600_000)]
    public async Task A_later_run_measures_the_promoted_model_again_and_holds_candidates_to_it()
    {
        using var dir = new TempDir("learn");
        var (koans, journal) = await ArrangeAsync(dir);
        await using var _ = journal;
        await Loop(dir, koans, journal, better: ["candidate-1", "candidate-2"]).RunAsync(Options(cycles: 1), null, CancellationToken.None);

        var report = await Loop(dir, koans, journal, better: ["candidate-1", "candidate-2"])
            .RunAsync(Options(cycles: 1), null, CancellationToken.None);

        report.PromotedBefore!.Model.Should().Be("candidate-1");
        report.PromotedBefore.PassRate.Should().Be(0.75);
        report.Cycles.Single().Decision.Should().BeOfType<Promoted>("equal to the promoted model is within the margin");
        report.Cycles.Single().Decision.Checks.Select(c => c.Rule).Should().Contain("pass rate vs promoted");
        report.Promoted.Should().Be("candidate-2");
        report.Cycles.Single().Dataset.Sources.Replay.Should().EndWith("-c1/dataset.jsonl");
    }

    [Fact(Timeout = 300_000)]
    public async Task A_failed_training_run_is_rolled_back_without_an_eval()
    {
        using var dir = new TempDir("learn");
        var (koans, journal) = await ArrangeAsync(dir);
        await using var _ = journal;
        var train = new TrainConfig { Command = ConfiguredCommand.Shell("echo 'CUDA out of memory' >&2; exit 1") };
        var loop = new LearnLoop(journal, koans, train, dir.Path, TestSandbox.Runner(), Agents(dir, []));

        var report = await loop.RunAsync(Options(cycles: 1), null, CancellationToken.None);

        var cycle = report.Cycles.Single();
        cycle.Decision.Reasons.Should().ContainSingle().Which.Should().StartWith("training failed: sh -c").And.Contain("exited with 1");
        cycle.Candidate.Should().BeNull();
        (await new MetricsLog(NightshiftPaths.For(dir.Path).Metrics).ReadAsync(CancellationToken.None)).Select(Describe)
            .Should().Equal("eval baseline", "train 1", "gate 1 rolled-back");
    }

    [Fact(Timeout = 600_000)]
    public async Task The_report_plots_pass_rate_steps_to_green_and_repeat_error_rate_per_cycle_as_the_metrics_file_holds_them()
    {
        using var dir = new TempDir("learn");
        var (koans, journal) = await ArrangeAsync(dir);
        await using var _ = journal;
        var report = await Loop(dir, koans, journal, better: ["candidate-1", "candidate-3"]).RunAsync(Options(cycles: 3), null, CancellationToken.None);

        var document = new HtmlParser().ParseDocument(LearnHtmlReport.Render(report, DateTimeOffset.UtcNow));

        var metrics = await new MetricsLog(NightshiftPaths.For(dir.Path).Metrics).ReadAsync(CancellationToken.None);
        report.Records.Should().BeEquivalentTo(metrics, o => o.WithStrictOrdering().RespectingRuntimeTypes());
        var candidates = metrics.OfType<EvalRecord>().Where(e => e.Role == "candidate").ToList();
        var baseline = metrics.OfType<EvalRecord>().Single(e => e.Role == "baseline");
        var gates = metrics.OfType<GateRecord>().ToList();
        candidates.Select(c => c.PassRate).Should().Equal(0.75, 0.25, 0.75);
        gates.Select(g => g.Decision).Should().Equal("promoted", "rolled-back", "promoted");
        foreach (var (series, value) in new (string, Func<EvalRecord, double?>)[]
        {
            ("pass-rate", e => e.PassRate), ("steps-to-green", e => e.MeanStepsToGreen), ("repeat-error-rate", e => e.RepeatErrorRate),
        })
        {
            var chart = document.QuerySelector($"section#chart-{series} svg")!;
            var points = chart.QuerySelectorAll("circle.point").ToList();
            points.Select(p => int.Parse(p.GetAttribute("data-cycle")!, CultureInfo.InvariantCulture)).Should().Equal([1, 2, 3], series);
            points.Select(p => double.Parse(p.GetAttribute("data-value")!, CultureInfo.InvariantCulture))
                .Should().Equal(candidates.Select(c => value(c)!.Value), series);
            points.Select(p => p.GetAttribute("data-model")).Should().Equal(candidates.Select(c => c.Model), series);
            points.Select(p => p.GetAttribute("data-decision")).Should().Equal(gates.Select(g => g.Decision), series);
            double.Parse(chart.QuerySelector("line.reference.baseline")!.GetAttribute("data-value")!, CultureInfo.InvariantCulture)
                .Should().Be(value(baseline)!.Value, series);
            chart.QuerySelector("polyline.series")!.GetAttribute("points")!.Split(' ').Should().HaveCount(3);
        }

        document.QuerySelectorAll("#cycles tbody tr").Select(row => row.QuerySelector("[data-field$='.decision']")!.TextContent)
            .Should().Equal(gates.Select(g => g.Decision));
        document.QuerySelector("[data-field='cycle[2].reasons']")!.TextContent.Should().Be(string.Join("; ", gates[1].Reasons));
        document.QuerySelector("[data-field='summary.promoted']")!.TextContent.Should().Be("candidate-3");
        document.QuerySelectorAll("script, link, img").Should().BeEmpty("the report opens with no network");
    }

    [Fact(Timeout = 600_000)]
    public async Task The_report_plots_forgetting_and_forward_transfer_per_family_for_each_cycle()
    {
        using var dir = new TempDir("learn");
        var (koans, journal) = await ArrangeAsync(dir);
        await using var _ = journal;

        // Families of the four eval koans: borrow (1), result-option (2), traits (1). The baseline and the worse model pass
        // result-option half the time and nothing else; the better one passes all of borrow and traits and half of result-option.
        var report = await Loop(dir, koans, journal, better: ["candidate-1", "candidate-3"]).RunAsync(Options(cycles: 3), null, CancellationToken.None);

        var baseline = report.Records.OfType<EvalRecord>().Single(e => e.Role == "baseline");
        baseline.Families.Should().Equal(new FamilyScore("borrow", 1, 0), new FamilyScore("result-option", 2, 1), new FamilyScore("traits", 1, 0));
        // Cycle 2's worse candidate falls from cycle 1's 100% to 0% on borrow and traits alike: borrow, first by name, is named.
        report.Continual.Select(c => c.Forgetting).Should().Equal(0, 1, 0);
        report.Continual[1].LargestDrop.Should().Be(new FamilyDrop("borrow", 1, 0));
        double[][] transfer = [[1, 0, 1], [0, 0, 0], [1, 0, 1]];

        var document = new HtmlParser().ParseDocument(LearnHtmlReport.Render(report, DateTimeOffset.UtcNow));

        var forgetting = document.QuerySelectorAll("section#chart-forgetting svg circle.point").ToList();
        forgetting.Select(p => p.GetAttribute("data-cycle")).Should().Equal("1", "2", "3");
        forgetting.Select(p => double.Parse(p.GetAttribute("data-value")!, CultureInfo.InvariantCulture)).Should().Equal(0, 1, 0);
        forgetting.Select(p => p.GetAttribute("data-family")).Should().Equal("", "borrow", "");
        var chart = document.QuerySelector("section#chart-forward-transfer svg")!;
        chart.QuerySelectorAll("polyline.family").Select(l => l.GetAttribute("data-family")).Should().Equal("borrow", "result-option", "traits");
        string[] families = ["borrow", "result-option", "traits"];
        for (var f = 0; f < families.Length; f++)
        {
            var points = chart.QuerySelectorAll($"circle.point[data-family='{families[f]}']").ToList();
            points.Select(p => p.GetAttribute("data-cycle")).Should().Equal(["1", "2", "3"], families[f]);
            points.Select(p => double.Parse(p.GetAttribute("data-value")!, CultureInfo.InvariantCulture))
                .Should().Equal(transfer.Select(cycle => cycle[f]), families[f]);
        }

        document.QuerySelector("[data-field='continual[2].forgetting']")!.TextContent.Should().Be("100.0 pp");
        document.QuerySelector("[data-field='continual[2].forgotten']")!.TextContent.Should().Be("borrow (100.0% to 0.0%)");
        document.QuerySelector("[data-field='continual[1].transfer[traits]']")!.TextContent.Should().Be("+100.0 pp");
        document.QuerySelector("[data-field='continual[3].transfer[result-option]']")!.TextContent.Should().Be("0.0 pp");

        LearnLog.Summary(report).Should().Contain(
            "cycle 2: rolled back candidate-2: pass rate vs promoted: pass rate 25.0% vs 75.0% of candidate-1 (margin 1.0%); ")
            .And.Contain(Environment.NewLine + "  forgetting 100.0 pp (borrow 100.0% -> 0.0%); forward transfer vs baseline: borrow 0.0 pp, result-option 0.0 pp, traits 0.0 pp");
        var json = JsonNode.Parse(LearnLog.Json(report))!["cycles"]!.AsArray();
        json.Select(c => c!["continual"]!["forgetting"]!.GetValue<double>()).Should().Equal(0, 1, 0);
        json[1]!["continual"]!["largestDrop"]!["family"]!.GetValue<string>().Should().Be("borrow");
        json[0]!["continual"]!["forwardTransfer"]!.AsArray().Select(t => t!["transfer"]!.GetValue<double>()).Should().Equal(1, 0, 1);
    }

    private static async Task<(KoanSet Koans, Journal Journal)> ArrangeAsync(TempDir dir)
    {
        var journal = Journal.Open(NightshiftPaths.For(dir.Path).Journal);
        var seeder = new EpisodeSeeder(journal);
        await seeder.AddAsync("burn-down", "rustc:E0502", EpisodeOutcome.Accepted, ["E0502"], [], kind: "cluster");
        await seeder.AddAsync("burn-down", "rustc:E0308", EpisodeOutcome.Accepted, ["E0308"], [], kind: "cluster");
        return (TestKoans.EvalOnly(dir, _evalKoans), journal);
    }

    private static LearnLoop Loop(TempDir dir, KoanSet koans, Journal journal, string[] better, Func<string?, IAgent>? agents = null)
    {
        var script = dir.Write("fake-train.sh", """
            set -e
            dataset="$1"; output="$2"; counter="$3"
            n=$(( $(cat "$counter" 2>/dev/null || echo 0) + 1 ))
            echo "$n" > "$counter"
            test -s "$dataset"
            for step in 1 2 3; do echo "step $step: loss=0.$((4 - step))"; done
            mkdir -p "$output" && echo "weights $n" > "$output/adapter.bin"
            echo "model: candidate-$n"
            """);
        var train = new TrainConfig
        {
            Command = ConfiguredCommand.Argv(["sh", script, "{dataset}", "{output}", dir["counter"]]),
            LossPattern = @"step (?<step>\d+): loss=(?<loss>[0-9.]+)",
        };
        return new LearnLoop(journal, koans, train, dir.Path, TestSandbox.Runner(), agents ?? Agents(dir, better));
    }

    /// <summary>The configured agent solves one koan; a model named in <paramref name="better"/> three; any other model one.</summary>
    private static Func<string?, IAgent> Agents(TempDir dir, string[] better)
    {
        var baseline = ReplayModels.Solving(dir, "baseline", "option-match-exhaustive");
        var good = ReplayModels.Solving(dir, "better", "option-match-exhaustive", "borrow-self-method-while-iterating", "traits-partialeq-compare");
        var bad = ReplayModels.Solving(dir, "worse", "option-match-exhaustive");
        return model => model is null ? baseline : better.Contains(model) ? good : bad;
    }

    private static LearnOptions Options(int cycles) => new()
    {
        Cycles = cycles,
        Eval = new EvalOptions { Parallelism = 2 },
        Margin = 0.01,
        ReplayRatio = 0.2,
    };

    private static string Describe(MetricsRecord record) => record switch
    {
        EvalRecord eval => $"eval {eval.Role}{(eval.Cycle is { } c ? $" {c}" : "")}",
        TrainingRecord train => $"train {train.Cycle}",
        GateRecord gate => $"gate {gate.Cycle} {gate.Decision}",
        DayRecord day => $"day {day.Cycle}",
        _ => record.GetType().Name,
    };
}
