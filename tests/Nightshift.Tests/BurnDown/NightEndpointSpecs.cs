using Nightshift.Agents;
using Nightshift.Agents.Resilience;
using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Agents.BuiltIn;
using Nightshift.Tests.Support;
using Nightshift.Workloads.BurnDown;

namespace Nightshift.Tests.BurnDown;

/// <summary>
/// A night whose model endpoint goes down: the real night (probe, cargo tests, worktrees, journal) with the built-in OpenAI agent
/// against a loopback server that answers 503 until the gate's probes have seen it down twice. The attempt the outage broke is
/// abandoned, not held against its cluster; the night pauses with an alert, probes, resumes, and every cluster still gets its
/// one attempt (<c>attempts_per_cluster: 1</c>).
/// </summary>
public sealed class NightEndpointSpecs
{
    [Fact(Timeout = 240_000)]
    public async Task An_outage_pauses_the_night_and_the_attempt_it_broke_does_not_count_against_the_cluster()
    {
        using var repo = await NightRepo.CreateAsync();
        var up = false;
        var probes = 0;
        var chats = 0;
        var chatsWhileUp = 0;
        await using var server = await LoopbackServer.StartAsync((request, _) =>
        {
            if (request.Path.EndsWith("/models", StringComparison.Ordinal))
            {
                up = Interlocked.Increment(ref probes) >= 3;
                return up ? LoopbackResponse.Json("""{"object":"list","data":[]}""") : OpenAIWire.Error(503, "Service Unavailable");
            }

            Interlocked.Increment(ref chats);
            if (!up)
            {
                return OpenAIWire.Error(503, "Service Unavailable");
            }

            Interlocked.Increment(ref chatsWhileUp);
            return OpenAIWire.ToolCall(request.WantsStream, "call_finish", "finish", new { summary = "Nothing I can do here." }, 50, 5);
        });
        var loaded = ConfigLoader.Load(repo.Repo["nightshift.yml"]);
        var config = loaded with
        {
            Agent = loaded.Agent with
            {
                Provider = AgentProvider.OpenAI,
                Model = "test-model",
                BaseUrl = new Uri(server.BaseUrl, "v1"),
                Retries = 1,
                ProbeInterval = TimeSpan.FromMilliseconds(50),
            },
        };
        var factory = new AgentFactory(config, onEvent: null, environment: _ => null)
        {
            Resilience = new ResilienceOptions
            {
                MaxRetries = config.Agent.Retries,
                BaseDelay = TimeSpan.FromMilliseconds(10),
                MinimumThroughput = 2,
                FailureRatio = 1.0,
                BreakDuration = TimeSpan.FromMinutes(5),
            },
        };
        var options = new NightOptions
        {
            Ladder = factory.CreateLadder(attemptsPerRung: 1),
            Budget = AgentFactory.BudgetOf(config.Agent),
            WaitForEndpoint = factory.Endpoint.WaitUntilUpAsync,
            Runner = TestSandbox.Runner(),
        };

        var result = await new Night(config, options).RunAsync(CancellationToken.None, CancellationToken.None);

        result.StopReason.Should().BeOfType<NightStopReason.ClustersExhausted>();
        result.Commits.Should().Be(0, "the model never changes anything");
        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var attempts = await journal.SessionAttemptsAsync(result.SessionId, CancellationToken.None);
        var tasks = (await journal.SessionTasksAsync(result.SessionId, CancellationToken.None)).ToDictionary(t => t.Id, t => t.Key);
        attempts.Where(a => a.State == AttemptState.Abandoned).Should().NotBeEmpty("the attempt the outage broke is abandoned");
        attempts.Where(a => a.State == AttemptState.Rejected).Select(a => tasks[a.TaskId]).Should().BeEquivalentTo(
            ["rustc:error:E0308", "rustc:error:E0599", "rustc:error:E0277", "rustc:error:E0596"],
            "each cluster still had its one real attempt after the endpoint came back");
        chatsWhileUp.Should().Be(4);
        repo.Events("alert.raised").Should().Contain(e => e["payload"]!["kind"]!.GetValue<string>() == "endpoint_down");
        repo.Events("endpoint.up").Should().ContainSingle();
        repo.Events("attempt.abandoned").Should().OnlyContain(e => e["payload"]!["reason"]!.GetValue<string>() == "endpoint_unavailable");
        probes.Should().Be(3, "the paused night probes until the endpoint answers, then stops probing");
        (await repo.Repo.NightshiftWorktreesAsync()).Should().Equal(["worker-0"], "the worker's own worktree is kept; no other is left behind");
    }
}
