using Nightshift.Agents;
using Nightshift.Agents.BuiltIn;
using Nightshift.Agents.Providers;
using Nightshift.Agents.Resilience;
using Nightshift.Configuration;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>A dead endpoint pauses the workload: the gate closes on the outage and opens when a probe gets an answer.</summary>
public sealed class EndpointGateSpecs : IDisposable
{
    private static readonly Uri _endpoint = new("http://127.0.0.1:9/v1");

    private readonly TempDir _repo = new("gate");

    public void Dispose() => _repo.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task An_outage_one_agent_meets_closes_the_gate_until_a_probe_finds_the_endpoint_back()
    {
        var healthy = false;
        var probes = 0;
        await using var server = await LoopbackServer.StartAsync((request, _) =>
        {
            if (request.Path.EndsWith("/models", StringComparison.Ordinal))
            {
                healthy = Interlocked.Increment(ref probes) >= 3;
                return healthy ? LoopbackResponse.Json("""{"object":"list","data":[]}""") : OpenAIWire.Error(503, "Service Unavailable");
            }

            return healthy ? OpenAIWire.ToolCall(false, "call_1", "finish", new { summary = "ok" }, 5, 5) : OpenAIWire.Error(503, "Service Unavailable");
        });
        var events = new List<ProviderEvent>();
        var factory = new AgentFactory(
            new NightshiftConfig
            {
                FilePath = _repo["nightshift.yml"],
                RepositoryRoot = _repo.Path,
                Agent = new AgentConfig { Provider = AgentProvider.OpenAI, Model = "test-model", BaseUrl = new Uri(server.BaseUrl, "v1") },
            },
            e =>
            {
                lock (events)
                {
                    events.Add(e);
                }
            },
            environment: _ => null)
        {
            Resilience = new ResilienceOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10), MinimumThroughput = 3, FailureRatio = 1.0, BreakDuration = TimeSpan.FromMinutes(5) },
        };
        factory.Endpoint.ProbeInterval = TimeSpan.FromMilliseconds(50);
        _repo.Write("worktree/README.md", "hello\n");

        var first = await FailureOf(factory);
        var second = await FailureOf(factory);
        var downAfterFailures = factory.Endpoint.IsDown;
        await factory.Endpoint.WaitUntilUpAsync(CancellationToken.None);
        using var agent = factory.Create(AgentProvider.OpenAI) as BuiltInAgent;
        var result = await agent!.RunAsync(Request(), CancellationToken.None);

        first.StatusCode.Should().Be(503);
        second.StatusCode.Should().Be(503);
        downAfterFailures.Should().BeTrue();
        factory.Endpoint.IsDown.Should().BeFalse();
        factory.Endpoint.Outages.Should().BeEmpty();
        probes.Should().Be(3, "the gate probes until the endpoint answers, then stops");
        result.StopReason.Should().Be(AgentStopReason.Finished);
        var outage = events.Where(e => e is EndpointDown or EndpointProbed or EndpointRecovered).ToList();
        outage.Select(e => e.GetType().Name).Should().Equal(
            "EndpointDown", "EndpointProbed", "EndpointProbed", "EndpointProbed", "EndpointRecovered");
        outage.Should().OnlyContain(e => e.Endpoint == new Uri(server.BaseUrl, "v1") && e.Provider == "openai");
        outage.OfType<EndpointDown>().Single().Reason.Should().Be("503 Service Unavailable", "each agent opened its circuit, but the outage is reported once");
        outage.OfType<EndpointProbed>().Select(p => p.Probe.StatusCode).Should().Equal(503, 503, 200);
        events.OfType<RetryScheduled>().Should().HaveCount(4, "two retries in each of the two failed attempts");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_gate_that_is_up_lets_the_caller_through_without_probing()
    {
        var gate = new EndpointGate((_, _) => throw new InvalidOperationException("no probe while up"));

        await gate.WaitUntilUpAsync(CancellationToken.None);

        gate.IsDown.Should().BeFalse();
    }

    [Fact(Timeout = 10_000)]
    public async Task The_circuit_closing_by_itself_opens_the_gate_without_a_probe()
    {
        var gate = new EndpointGate((_, _) => throw new InvalidOperationException("no probe needed"));
        var changes = new List<ProviderEvent>();
        gate.Changed += changes.Add;

        gate.Observe(Down());
        gate.Observe(Down());
        var downBetween = gate.IsDown;
        gate.Observe(new EndpointRecovered("openai", _endpoint, DateTimeOffset.UtcNow));
        await gate.WaitUntilUpAsync(CancellationToken.None);

        downBetween.Should().BeTrue();
        gate.IsDown.Should().BeFalse();
        changes.Select(e => e.GetType().Name).Should().Equal("EndpointDown", "EndpointRecovered");
    }

    [Fact(Timeout = 10_000)]
    public async Task Waiting_on_a_dead_endpoint_ends_when_the_caller_cancels_and_the_gate_stays_down()
    {
        var probes = 0;
        var gate = new EndpointGate((_, _) =>
        {
            Interlocked.Increment(ref probes);
            return Task.FromResult(new EndpointProbe(false, null, "connection refused"));
        })
        {
            ProbeInterval = TimeSpan.FromMilliseconds(20),
        };
        gate.Observe(Down());
        using var cancel = new CancellationTokenSource();
        gate.Changed += e =>
        {
            if (e is EndpointProbed && probes == 3)
            {
                cancel.Cancel();
            }
        };

        var wait = () => gate.WaitUntilUpAsync(cancel.Token);

        await wait.Should().ThrowAsync<OperationCanceledException>();
        gate.IsDown.Should().BeTrue();
        probes.Should().Be(3);
    }

    private static EndpointDown Down() => new("openai", _endpoint, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), "503 Service Unavailable");

    private AgentRequest Request() =>
        AgentRuns.Request(_repo["worktree"], new CargoChecks(_repo["worktree"], _repo["target"]), new RecordingTranscript(_repo[$"{Guid.NewGuid():N}.jsonl"]));

    private async Task<ProviderException> FailureOf(AgentFactory factory)
    {
        using var agent = (BuiltInAgent)factory.Create(AgentProvider.OpenAI);
        var run = () => agent.RunAsync(Request(), CancellationToken.None);
        return (await run.Should().ThrowAsync<ProviderException>()).Which;
    }
}
