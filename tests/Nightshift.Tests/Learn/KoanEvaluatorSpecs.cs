using Nightshift.Agents;
using Nightshift.Agents.Providers;
using Nightshift.Agents.Resilience;
using Nightshift.Attempts.Episodes;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Support;
using Nightshift.Verification;
using Nightshift.Workloads.Learn.Datasets;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Tests.Learn;

public sealed class KoanEvaluatorSpecs
{
    private static readonly ProcessRunner _runner = TestSandbox.Runner();
    private static readonly EvalGuard _guard = new(BundledKoans.Set);

    [Fact(Timeout = 300_000)]
    public async Task An_agent_is_judged_by_the_eval_koans_own_tests_and_every_run_is_an_eval_episode()
    {
        using var dir = new TempDir("eval");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var seeder = new EpisodeSeeder(journal);
        await seeder.AddAsync("burn-down", "rustc:E0502", EpisodeOutcome.Accepted, ["E0502"], [], kind: "cluster");
        await seeder.AddAsync("burn-down", "rustc:E0277", EpisodeOutcome.Accepted, ["E0277"], [], kind: "cluster");
        var agent = ReplayModels.Solving(dir, "two", "option-average-empty", "traits-rc-not-send");

        var report = await Evaluator(journal).RunAsync(
            agent, "model-two", BundledKoans.Set, new EvalOptions { Parallelism = 2, Paths = NightshiftPaths.For(dir.Path) }, null, CancellationToken.None);

        report.Runs.Select(r => r.KoanId).Should().Equal(BundledKoans.Set.Eval.Select(k => k.Id));
        report.Runs.Where(r => r.Passed).Select(r => r.KoanId).Should().BeEquivalentTo("option-average-empty", "traits-rc-not-send");
        report.PassRate.Should().BeApproximately(2.0 / 9, 1e-12);
        report.MeanStepsToGreen.Should().Be(1, "one recorded write is one step");
        report.FixedBefore.Should().BeEquivalentTo(["E0502", "E0277"]);
        report.Runs.Single(r => r.KoanId == "borrow-self-method-while-iterating").RemainingErrorCodes.Should().Equal("E0502");
        report.RepeatErrorRate.Should().BeApproximately(2.0 / 7, 1e-12, "of 7 failures, E0502 and E0277 had been fixed before");
        report.Model.Should().Be("model-two");
        report.Agent.Should().Be("replay");

        var episodes = await new EpisodeJournal(journal).ReadAsync(new EpisodeQuery(Workload: "eval"), CancellationToken.None);
        episodes.Should().HaveCount(9).And.OnlyContain(e => e.Model == "model-two" && e.Task.Kind == "koan");
        var solved = episodes.Single(e => e.Task.Key == "option-average-empty");
        solved.Outcome.Should().Be(EpisodeOutcome.Accepted);
        solved.StepsToGreen.Should().Be(1);
        solved.DiagnosticsBefore.Should().Contain(d => d.Tool == "test" && d.Message.Contains("no_values_have_no_mean", StringComparison.Ordinal));
        solved.DiagnosticsAfter.Should().NotContain(d => d.IsError);
        solved.Diff.Should().Contain("+    if values.is_empty() {");
        solved.Transcript.Should().Contain(t => t.ToolName == "write_file");
        var verdict = VerdictJson.Deserialize(solved.Verdict!.Value.GetRawText());
        verdict.IsAccepted.Should().BeTrue();
        verdict.Figures.Checks.Should().Contain(new VerdictCheck("koan_tests", true, "2 test(s) pass"));
        var unsolved = episodes.Single(e => e.Task.Key == "borrow-temporary-dropped");
        unsolved.Outcome.Should().Be(EpisodeOutcome.Rejected);
        unsolved.DiagnosticsAfter.Should().Contain(d => d.Code == "E0716");
        unsolved.Diff.Should().BeNull("an attempt that changed nothing journals no diff");
        File.Exists(Path.Combine(dir[".nightshift"], "transcripts", $"attempt-{solved.AttemptId}.jsonl")).Should().BeTrue();

        // The report reads the eval's verdicts with the verifier's type: each failed run is rejected for its failing tests.
        var data = await Nightshift.Reports.ReportLoader.LoadAsync(journal, report.SessionId, Nightshift.Reports.ReportTargets.Default, DateTimeOffset.UtcNow, CancellationToken.None);
        data.Rejections.Should().ContainSingle(g => g.Reason == "tests_failing").Which.Attempts.Should().Be(7);
        data.Rejections.Single(g => g.Reason == "tests_failing").Examples.Should().OnlyContain(e => e.StartsWith("the tests must pass after the attempt", StringComparison.Ordinal));

        _guard.IsEval(solved).Should().BeTrue();
        new DatasetBuilder(_guard).Build(episodes, null, new DatasetOptions()).Examples.Should().BeEmpty("eval episodes are never training data");
    }

    [Fact(Timeout = 300_000)]
    public async Task Each_koan_runs_k_times()
    {
        using var dir = new TempDir("eval");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var agent = ReplayModels.Solving(dir, "one", "option-match-exhaustive");

        var report = await Evaluator(journal).RunAsync(
            agent, null, BundledKoans.Set, new EvalOptions { Repeats = 2, Parallelism = 2 }, null, CancellationToken.None);

        report.Runs.Should().HaveCount(18);
        report.Runs.Where(r => r.Passed).Select(r => (r.KoanId, r.Repeat)).Should().Equal(("option-match-exhaustive", 1), ("option-match-exhaustive", 2));
        report.PassRate.Should().BeApproximately(2.0 / 18, 1e-12);
        report.Repeats.Should().Be(2);
    }

    [Fact(Timeout = 120_000)]
    public async Task Editing_the_tests_does_not_pass_a_koan()
    {
        using var dir = new TempDir("eval");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var koans = TestKoans.EvalOnly(dir, "option-average-empty");

        var report = await Evaluator(journal).RunAsync(
            new TestsEditingAgent(), null, koans, new EvalOptions(), null, CancellationToken.None);

        report.Runs.Should().ContainSingle().Which.Passed.Should().BeFalse();
        var episode = (await new EpisodeJournal(journal).ReadAsync(EpisodeQuery.All, CancellationToken.None)).Single();
        VerdictJson.Deserialize(episode.Verdict!.Value.GetRawText()).Figures.Checks
            .Should().Contain(new VerdictCheck("tests_untouched", true, "edited by the agent, restored before the verdict"));
        episode.Diff.Should().BeNull("the tests were restored before the diff, which is then empty");
    }

    [Fact(Timeout = 300_000)]
    public async Task An_eval_waits_for_a_down_model_endpoint_to_answer_before_it_starts_a_run()
    {
        using var dir = new TempDir("eval");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var koans = TestKoans.EvalOnly(dir, "option-average-empty");
        var probes = 0;
        var gate = new EndpointGate((_, _) => Task.FromResult(
            Interlocked.Increment(ref probes) < 3 ? new EndpointProbe(false, 503, "503 Service Unavailable") : new EndpointProbe(true, 200, "200 OK")))
        {
            ProbeInterval = TimeSpan.FromMilliseconds(20),
        };
        gate.Observe(new EndpointDown("openai", new Uri("http://127.0.0.1:9/v1"), DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), "503"));

        var report = await new KoanEvaluator(journal, new KoanToolchain(_runner), _runner, new EvalGuard(koans)).RunAsync(
            ReplayModels.Solving(dir, "one", "option-average-empty"), null, koans, new EvalOptions { Endpoint = gate }, null, CancellationToken.None);

        probes.Should().Be(3, "the run started only once a probe got an answer");
        gate.IsDown.Should().BeFalse();
        report.Runs.Should().ContainSingle().Which.Passed.Should().BeTrue();
    }

    private static KoanEvaluator Evaluator(Journal journal) => new(journal, new KoanToolchain(_runner), _runner, _guard);

    /// <summary>Cheats: empties the tests so that nothing can fail.</summary>
    private sealed class TestsEditingAgent : IAgent
    {
        public string Name => "cheat";

        public async Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken)
        {
            await File.WriteAllTextAsync(Path.Combine(request.Worktree, Koan.TestsFile), "", cancellationToken);
            var summary = await request.Checks.RunTestsAsync(cancellationToken);
            summary.AllPassed.Should().BeTrue("with its tests emptied the koan looks green to the agent");
            return new AgentResult(AgentStopReason.Finished, AgentUsage.None, 1);
        }
    }
}
