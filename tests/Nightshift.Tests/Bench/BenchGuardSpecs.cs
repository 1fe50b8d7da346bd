using Nightshift.Agents;
using Nightshift.Agents.Providers;
using Nightshift.Agents.Resilience;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Running;

namespace Nightshift.Tests.Bench;

/// <summary>What keeps a long bench honest and alive: retries, the pause gate, the disk guard, budgets, jobs.</summary>
public sealed class BenchGuardSpecs : IDisposable
{
    private readonly TempDir _dir = new("bench-guard");

    [Fact(Timeout = 60_000)]
    public async Task An_infrastructure_error_is_retried_and_one_that_persists_is_excluded_from_every_rate()
    {
        var flaky = new LambdaAgent("flaky", FailFirst(1));
        var down = new LambdaAgent("down", (_, _) => throw new HttpRequestException("connection refused"));
        var suite = TinySuite.Create(_dir).WithAgents(flaky, down);
        var events = new List<BenchEvent>();

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_dir), new TestAgentFactory(flaky, down), events);

        var runs = outcome.Manifest.Runs.ToDictionary(r => r.Agent);
        runs["flaky"].Should().BeEquivalentTo(new { Status = RunStatus.Pass, Attempts = 2 });
        runs["down"].Should().BeEquivalentTo(new { Status = RunStatus.Excluded, Failure = FailureClass.InfraError, Attempts = 3, Reason = "connection refused" });
        down.Calls.Should().Be(3);
        events.OfType<BenchEvent.RunRetrying>().Select(e => (e.Run.Agent.Name, e.Attempt)).Should().Equal(("flaky", 2), ("down", 2), ("down", 3));
        outcome.Manifest.Summary.ByAgent.Single(r => r.Agent == "down").Runs.Should().Be(0);
        outcome.Manifest.Summary.Totals.Excluded.Should().Be(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_run_that_fails_while_the_endpoint_is_down_waits_for_it_and_runs_again()
    {
        var gate = new PauseGate();
        var agent = new LambdaAgent("endpoint", async (request, cancellationToken) =>
        {
            if (gate.Pauses == 0)
            {
                // What a built-in agent does when its circuit breaker opens: close the gate, fail the step.
                gate.Pause("api.example.test is down");
                return new AgentResult(AgentStopReason.Error, AgentUsage.None, 1, Error: "503 Service Unavailable");
            }

            await TinySuite.AnswerAsync(request, "right", cancellationToken);
            return LambdaAgent.Finished();
        });
        var suite = TinySuite.Create(_dir).WithAgents(agent);
        var events = new List<BenchEvent>();

        // The endpoint comes back once the bench has seen it down, whatever the machine's speed.
        var outcome = await new BenchRunner(BenchFixture.Options(_dir), new TestAgentFactory(agent), gate, TestSandbox.Runner()).RunAsync(suite, e =>
        {
            events.Add(e);
            if (e is BenchEvent.Paused)
            {
                gate.Reopen();
            }
        }, CancellationToken.None);

        outcome.Manifest.Runs.Single().Should().BeEquivalentTo(new { Status = RunStatus.Pass, Attempts = 2 });
        events.OfType<BenchEvent.RunRetrying>().Single().Reason.Should().Contain("paused").And.Contain("503");
        events.OfType<BenchEvent.Paused>().Single().Reason.Should().Be("api.example.test is down");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_model_endpoint_that_goes_down_pauses_the_bench_until_a_probe_finds_it_back()
    {
        var probes = 0;
        var endpoint = new EndpointGate(async (_, _) =>
        {
            await Task.Yield();
            return Interlocked.Increment(ref probes) >= 3 ? new EndpointProbe(true, 200, "200 OK") : new EndpointProbe(false, 503, "503 Service Unavailable");
        });
        endpoint.ProbeInterval = TimeSpan.FromMilliseconds(20);
        var gate = new EndpointPauseGate();
        gate.Watch(endpoint);
        var agent = new LambdaAgent("model", async (request, cancellationToken) =>
        {
            if (probes == 0)
            {
                // What a built-in agent's client reports when its circuit breaker opens.
                endpoint.Observe(new EndpointDown("openai", new Uri("http://127.0.0.1:9/v1"), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), "503 x3"));
                throw new InvalidOperationException("the circuit is open");
            }

            await TinySuite.AnswerAsync(request, "right", cancellationToken);
            return LambdaAgent.Finished();
        });
        var suite = TinySuite.Create(_dir).WithAgents(agent);
        var events = new List<BenchEvent>();

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_dir), new TestAgentFactory(agent), events, gate);

        outcome.Manifest.Runs.Single().Should().BeEquivalentTo(new { Status = RunStatus.Pass, Attempts = 2 });
        events.OfType<BenchEvent.RunRetrying>().Single().Reason.Should().Contain("paused").And.Contain("the circuit is open");
        events.OfType<BenchEvent.Paused>().Single().Reason.Should().Be("openai at http://127.0.0.1:9/v1 is down (503 x3)");
        probes.Should().Be(3, "the bench waited for the probes, not for another run to fail");
        (gate.IsPaused, endpoint.IsDown).Should().Be((false, false));
    }

    [Fact(Timeout = 60_000)]
    public async Task Below_the_free_disk_threshold_no_run_starts_and_the_bench_says_why()
    {
        var suite = TinySuite.Create(_dir).WithAgents(TinySuite.Answering("a", "right"));
        var events = new List<BenchEvent>();

        var outcome = await BenchFixture.RunAsync(
            suite, BenchFixture.Options(_dir) with { MinFreeDiskBytes = long.MaxValue }, new TestAgentFactory(TinySuite.Answering("a", "right")), events);

        outcome.Manifest.Status.Should().Be(BenchState.Stopped);
        outcome.Manifest.Runs.Should().BeEmpty();
        outcome.Manifest.StopReason.Should().Contain("limits.min_free_disk");
        events.OfType<BenchEvent.Stopping>().Should().ContainSingle();
        events.OfType<BenchEvent.RunStarted>().Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_phase_whose_budget_is_used_starts_no_more_runs_and_the_next_phase_begins()
    {
        var clock = new SteppingClock();
        var slow = new LambdaAgent("slow", async (request, cancellationToken) =>
        {
            clock.Advance(TimeSpan.FromHours(1));
            await TinySuite.AnswerAsync(request, "right", cancellationToken);
            return LambdaAgent.Finished();
        });
        var suite = TinySuite.Create(_dir, ["L1", "L2"], extra: "timeline:\n  - {levels: [L1], repeat: 3, budget: 90m}\n  - {levels: [L2], repeat: 2}\n")
            .WithAgents(slow);
        var events = new List<BenchEvent>();

        var outcome = await new BenchRunner(BenchFixture.Options(_dir), new TestAgentFactory(slow), processRunner: TestSandbox.Runner(), time: clock)
            .RunAsync(suite, events.Add, CancellationToken.None);

        outcome.Manifest.Runs.Select(r => r.Run).Should().Equal("task1-slow-1", "task1-slow-2", "task2-slow-1", "task2-slow-2");
        outcome.Manifest.Phases.Select(p => (p.Name, p.Planned, p.Finished, p.BudgetUsed)).Should().Equal(("L1", 3, 2, true), ("L2", 2, 2, false));
        events.OfType<BenchEvent.PhaseBudgetUsed>().Single().NotStarted.Should().Be(1);
        outcome.Manifest.Status.Should().Be(BenchState.Completed);
    }

    [Fact(Timeout = 60_000)]
    public async Task Jobs_run_side_by_side()
    {
        using var together = new CountdownEvent(3);
        var agent = new LambdaAgent("social", async (request, cancellationToken) =>
        {
            together.Signal();
            // Only three runs at once ever get past this; one at a time would wait here until the error.
            var met = await Task.Run(() => together.Wait(TimeSpan.FromSeconds(20), cancellationToken), cancellationToken);
            await TinySuite.AnswerAsync(request, met ? "right" : "alone", cancellationToken);
            return LambdaAgent.Finished();
        });
        var suite = TinySuite.Create(_dir, ["L1", "L1", "L1"]).WithAgents(agent);

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_dir) with { Jobs = 3 }, new TestAgentFactory(agent));

        outcome.Manifest.Runs.Should().HaveCount(3).And.OnlyContain(r => r.Status == RunStatus.Pass);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_start_rate_limit_counts_starts_in_a_sliding_minute()
    {
        var limiter = new StartRateLimiter(2);
        var t0 = new DateTimeOffset(2025, 1, 1, 3, 0, 0, TimeSpan.Zero);

        limiter.TryStart(t0).Should().Be(TimeSpan.Zero);
        limiter.TryStart(t0.AddSeconds(10)).Should().Be(TimeSpan.Zero);
        limiter.TryStart(t0.AddSeconds(20)).Should().Be(TimeSpan.FromSeconds(40), "the first start leaves the window at 1:00");
        limiter.TryStart(t0.AddSeconds(60)).Should().Be(TimeSpan.Zero);
        limiter.TryStart(t0.AddSeconds(61)).Should().Be(TimeSpan.FromSeconds(9), "the second start leaves at 1:10");
        await Task.CompletedTask;
    }

    private static Func<AgentRequest, CancellationToken, Task<AgentResult>> FailFirst(int failures)
    {
        var calls = 0;
        return async (request, cancellationToken) =>
        {
            if (++calls <= failures)
            {
                throw new BenchInfrastructureException("the sandbox lost its network");
            }

            await TinySuite.AnswerAsync(request, "right", cancellationToken);
            return LambdaAgent.Finished();
        };
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A clock that moves only when the test says so (timers still run on real time).</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(GetTimestamp());
    }
}
