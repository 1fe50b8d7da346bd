using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Statistics;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Tests.Bench;

/// <summary>
/// examples/bench/rust.yml and csharp.yml with real cargo and dotnet: the suites are sound (every task solvable,
/// and judged right) and cover what a bench needs.
/// </summary>
public sealed class StarterSuiteSpecs : IDisposable
{
    private static readonly string[] _levels = ["L1", "L2", "L3", "L4", "L5", "L6"];

    /// <summary>
    /// Each C# acceptance is a whole `dotnet run` (several seconds of CPU), so by default only these three C# tasks
    /// run with the reference agent: failing checks the hidden ones replace, code checked against the clock, and a
    /// change across namespaces. NIGHTSHIFT_BENCH_ALL=1 runs every task.
    /// </summary>
    private static readonly string[] _csharpSample = ["slugify", "duplicates", "orders"];

    private readonly TempDir _project = new("bench-starter");

    [Fact(Timeout = 10_000)]
    public async Task The_starter_suites_hold_at_least_18_tasks_over_L1_to_L6_in_each_language_with_hidden_tests_and_a_solution()
    {
        var suites = new[] { BenchFixture.RustSuite, BenchFixture.CSharpSuite }.Select(SuiteLoader.Load).ToArray();

        suites.Sum(s => s.Tasks.Count).Should().BeGreaterThanOrEqualTo(18);
        foreach (var suite in suites)
        {
            suite.Tasks.Select(t => t.Level).Distinct().Order().Should().Equal(_levels, suite.Name);
            suite.Tasks.Should().OnlyContain(t => t.Solution != null && t.AcceptFiles != null, "every task of {0} has both", suite.Name);
            foreach (var task in suite.Tasks)
            {
                var workspace = ((BenchWorkspaceSource.Folder)task.Workspace).Path;
                Directory.EnumerateFiles(task.AcceptFiles!, "*", SearchOption.AllDirectories).Should().NotBeEmpty(task.Id);
                Path.GetRelativePath(workspace, task.AcceptFiles!).Should().StartWith("..", "the hidden tests of {0} are outside its workspace", task.Id);
            }
        }

        await Task.CompletedTask;
    }

    [Theory(Timeout = 600_000)]
    [InlineData("rust")]
    [InlineData("csharp")]
    public async Task Every_task_passes_with_the_agent_that_applies_its_reference_solution(string name)
    {
        var suite = SuiteLoader.Load(BenchFixture.StarterSuite(name));
        if (name == "csharp" && Environment.GetEnvironmentVariable("NIGHTSHIFT_BENCH_ALL") != "1")
        {
            suite = suite with { Tasks = [.. suite.Tasks.Where(t => _csharpSample.Contains(t.Id))] };
        }

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_project) with { AgentFilter = ["reference"], Jobs = 2 }, new TestAgentFactory());

        var manifest = outcome.Manifest;
        manifest.Status.Should().Be(BenchState.Completed);
        manifest.Runs.Should().HaveCount(suite.Tasks.Count);
        manifest.Runs.Should().OnlyContain(r => r.Status == RunStatus.Pass, string.Join("\n", manifest.Runs.Select(r => $"{r.Run}: {r.Reason}")));
        manifest.Summary.ByAgent.Should().ContainSingle().Which.Rate.Should().Be(1.0);
        manifest.Summary.ByLevel.Select(r => r.Level).Should().Equal(suite.Tasks.Select(t => t.Level).Distinct().Order());
        manifest.Runs.Should().OnlyContain(r => r.Archive == null, "only failed runs keep their workspace");
        var record = new BenchStore(_project[".nightshift/bench"]).ReadRuns(outcome.Id)[$"{suite.Tasks[0].Id}-reference-1"];
        record.Acceptance.Should().ContainSingle().Which.ExitCode.Should().Be(0);
        record.ChangedFiles.Should().NotBeEmpty();
    }

    [Theory(Timeout = 120_000)]
    [InlineData("rust")]
    [InlineData("csharp")]
    public async Task Every_task_fails_as_no_change_with_the_agent_that_does_nothing(string name)
    {
        var suite = SuiteLoader.Load(BenchFixture.StarterSuite(name));

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_project) with { AgentFilter = ["none"] }, new TestAgentFactory());

        outcome.Manifest.Runs.Should().HaveCount(suite.Tasks.Count)
            .And.OnlyContain(r => r.Status == RunStatus.Fail && r.Failure == FailureClass.NoChange);
        outcome.Manifest.Summary.ByAgent.Single().Rate.Should().Be(0);
        outcome.Manifest.Summary.FailureModes.Should().ContainSingle()
            .Which.Should().Be(new FailureModeRow("none", FailureClass.NoChange, suite.Tasks.Count));
    }

    [Theory(Timeout = 120_000)]
    [InlineData("rust", "tests/hidden.rs (acceptance file) created")]
    [InlineData("csharp", "checks/Checks.cs (acceptance file) created")]
    public async Task An_agent_that_writes_the_hidden_tests_is_a_policy_violation(string name, string violation)
    {
        var starter = SuiteLoader.Load(BenchFixture.StarterSuite(name));
        var cheater = Misbehaving.HiddenTestEditor(starter);
        var suite = starter with { Agents = [new BenchAgentSpec(cheater.Name, "command")] };

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_project), new TestAgentFactory(cheater));

        outcome.Manifest.Runs.Should().HaveCount(suite.Tasks.Count)
            .And.OnlyContain(r => r.Status == RunStatus.Fail && r.Failure == FailureClass.PolicyViolation);
        outcome.Manifest.Runs[0].Violations.Should().Contain(violation);
    }

    public void Dispose() => _project.Dispose();
}
