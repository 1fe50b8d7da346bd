using Nightshift.Agents;
using Nightshift.Configuration;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Agents;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Running;

namespace Nightshift.Tests.Bench;

/// <summary>An interrupted bench resumes where it was, with the plan it started with.</summary>
public sealed class BenchResumeSpecs : IDisposable
{
    private readonly TempDir _dir = new("bench-resume");

    [Fact(Timeout = 60_000)]
    public async Task An_interrupted_bench_resumes_without_running_again_what_it_recorded()
    {
        var agent = TinySuite.Answering("a", "right");
        var suite = TinySuite.Create(_dir).WithAgents(agent);
        var options = BenchFixture.Options(_dir) with { Repeat = 3 };
        using var interrupt = new CancellationTokenSource();

        var first = await new BenchRunner(options, new TestAgentFactory(agent), processRunner: TestSandbox.Runner())
            .RunAsync(suite, e => { if (e is BenchEvent.RunFinished) interrupt.Cancel(); }, interrupt.Token);
        var resumed = await BenchFixture.RunAsync(suite, options with { ResumeId = first.Id, Repeat = null }, new TestAgentFactory(agent));

        first.Manifest.Status.Should().Be(BenchState.Interrupted);
        first.Manifest.Runs.Select(r => r.Run).Should().Equal("task1-a-1");
        new BenchStore(options.StoreDirectory).ReadManifest(first.Id).Status.Should().Be(BenchState.Completed);
        resumed.Id.Should().Be(first.Id);
        resumed.Manifest.Status.Should().Be(BenchState.Completed);
        resumed.Manifest.Options.Repeat.Should().Be(3, "the resume keeps the plan the bench started with");
        resumed.Manifest.Runs.Select(r => r.Run).Should().Equal("task1-a-1", "task1-a-2", "task1-a-3");
        agent.Calls.Should().Be(3);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_resume_refuses_a_changed_suite_or_a_different_plan()
    {
        var agent = TinySuite.Answering("a", "right");
        var suite = TinySuite.Create(_dir).WithAgents(agent);
        var options = BenchFixture.Options(_dir);
        var bench = await BenchFixture.RunAsync(suite, options, new TestAgentFactory(agent));

        var changed = () => BenchFixture.RunAsync(suite with { Sha256 = "0" }, options with { ResumeId = bench.Id }, new TestAgentFactory(agent));
        var repeated = () => BenchFixture.RunAsync(suite, options with { ResumeId = bench.Id, Repeat = 5 }, new TestAgentFactory(agent));
        var missing = () => BenchFixture.RunAsync(suite, options with { ResumeId = "20200101-000000-beef" }, new TestAgentFactory(agent));

        (await changed.Should().ThrowAsync<ConfigException>()).Which.Message.Should().Contain("has changed since bench");
        (await repeated.Should().ThrowAsync<ConfigException>()).Which.Message.Should().Contain("resume it without --repeat 5");
        (await missing.Should().ThrowAsync<BenchNotFoundException>()).Which.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
    }

    [Fact(Timeout = 10_000)]
    public async Task Repeats_are_the_outer_loop_and_count_on_across_phases()
    {
        var suite = TinySuite.Create(_dir, ["L1", "L2"], extra: "timeline:\n  - {levels: [L1, L2], repeat: 2}\n  - {levels: [L2], repeat: 1}\n");
        var agents = Agents("x", "y");

        var plan = BenchPlan.Create(suite, agents, repeat: null);

        plan.SelectMany(p => p.Runs).Select(r => r.Id).Should().Equal(
            "task1-x-1", "task1-y-1", "task2-x-1", "task2-y-1",
            "task1-x-2", "task1-y-2", "task2-x-2", "task2-y-2",
            "task2-x-3", "task2-y-3");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Two_runs_that_would_share_a_file_name_are_refused()
    {
        var suite = TinySuite.Create(_dir, ["L1"]);
        suite = suite with { Tasks = [suite.Tasks[0] with { Id = "a-b" }, suite.Tasks[0] with { Id = "a" }] };
        var agents = Agents("c", "b-c");

        var act = () => BenchPlan.Create(suite, agents, repeat: null);

        act.Should().Throw<ConfigException>().WithMessage("*would both write the run files a-b-c-1.*");
        await Task.CompletedTask;
    }

    private static BenchAgent[] Agents(params string[] names) =>
        [.. names.Select(n => new BenchAgent(n, TinySuite.Answering(n, "right"), AgentBudget.Unlimited))];

    public void Dispose() => _dir.Dispose();
}
