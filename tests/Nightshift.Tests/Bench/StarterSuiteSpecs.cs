using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Tests.Bench;

/// <summary>examples/bench/rust-basics.yml with real cargo: the suite is sound and its verdicts are right.</summary>
public sealed class StarterSuiteSpecs : IDisposable
{
    private readonly TempDir _project = new("bench-starter");
    private readonly BenchSuite _suite = SuiteLoader.Load(BenchFixture.StarterSuite);

    [Fact(Timeout = 180_000)]
    public async Task Every_task_passes_with_the_agent_that_applies_its_reference_solution()
    {
        var outcome = await BenchFixture.RunAsync(_suite, BenchFixture.Options(_project) with { AgentFilter = ["reference"], Jobs = 2 }, new TestAgentFactory());

        var manifest = outcome.Manifest;
        manifest.Status.Should().Be(BenchState.Completed);
        manifest.Runs.Should().HaveCount(_suite.Tasks.Count);
        manifest.Runs.Should().OnlyContain(r => r.Status == RunStatus.Pass, string.Join("\n", manifest.Runs.Select(r => $"{r.Run}: {r.Reason}")));
        manifest.Summary.ByAgent.Should().ContainSingle().Which.Rate.Should().Be(1.0);
        manifest.Runs.Select(r => r.Level).Distinct().Should().BeEquivalentTo(["L1", "L2", "L3"]);
        var record = new BenchStore(_project[".nightshift/bench"]).ReadRuns(outcome.Id)["sum-to-reference-1"];
        record.Acceptance.Should().ContainSingle().Which.OutputTail.Should().Contain("test result: ok");
        record.ChangedFiles.Should().Equal("src/lib.rs");
        record.Archive.Should().BeNull("only failed runs keep their workspace");
    }

    [Fact(Timeout = 120_000)]
    public async Task Every_task_fails_as_no_change_with_the_agent_that_does_nothing()
    {
        var outcome = await BenchFixture.RunAsync(_suite, BenchFixture.Options(_project) with { AgentFilter = ["none"] }, new TestAgentFactory());

        outcome.Manifest.Runs.Should().HaveCount(_suite.Tasks.Count)
            .And.OnlyContain(r => r.Status == RunStatus.Fail && r.Failure == FailureClass.NoChange);
        outcome.Manifest.Summary.ByAgent.Single().Rate.Should().Be(0);
        outcome.Manifest.Summary.FailureModes.Should().ContainSingle()
            .Which.Should().Be(new Nightshift.Workloads.Bench.Statistics.FailureModeRow("none", FailureClass.NoChange, _suite.Tasks.Count));
    }

    [Fact(Timeout = 120_000)]
    public async Task An_agent_that_writes_the_hidden_tests_is_a_policy_violation()
    {
        var cheater = Misbehaving.HiddenTestEditor(_suite);
        var suite = _suite with { Agents = [new BenchAgentSpec(cheater.Name, "command")] };

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_project), new TestAgentFactory(cheater));

        outcome.Manifest.Runs.Should().HaveCount(_suite.Tasks.Count)
            .And.OnlyContain(r => r.Status == RunStatus.Fail && r.Failure == FailureClass.PolicyViolation);
        outcome.Manifest.Runs[0].Violations.Should().Contain("tests/hidden.rs (acceptance file) created");
    }

    public void Dispose() => _project.Dispose();
}
