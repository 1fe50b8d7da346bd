using Nightshift.Agents;
using Nightshift.Agents.BuiltIn;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>Every limit of the budget stops the loop with its own stop reason, and the transcript is complete up to there.</summary>
public sealed class BudgetSpecs : IDisposable
{
    private readonly TempDir _folder = new("budget");
    private readonly RecordingTranscript _transcript;
    private readonly CargoChecks _checks;

    public BudgetSpecs()
    {
        _folder.Write("worktree/src/lib.rs", "pub fn one() -> i32 { 1 }\n");
        _transcript = new RecordingTranscript(_folder["transcript.jsonl"]);
        _checks = new CargoChecks(_folder["worktree"], _folder["target"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_step_limit_stops_the_loop_before_the_next_query()
    {
        await using var server = await LoopbackServer.StartAsync((request, index) => ListFiles(request, index, tokens: 10));
        using var agent = Agent(server);

        var result = await agent.RunAsync(Request(new AgentBudget(MaxSteps: 3, null, null, null, null)), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.StepLimit);
        result.Steps.Should().Be(3);
        server.Requests.Should().HaveCount(3);
        AgentRuns.ShouldBeComplete(_transcript, ["list_files", "list_files", "list_files"], AgentStopReason.StepLimit);
        _transcript.Entries.Where(entry => entry.Role == "tool").Should().OnlyContain(entry => entry.Content.Contains("src/lib.rs"));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_token_limit_stops_the_loop_once_the_summed_usage_reaches_it()
    {
        await using var server = await LoopbackServer.StartAsync((request, index) => ListFiles(request, index, tokens: 250));
        using var agent = Agent(server);

        var result = await agent.RunAsync(Request(new AgentBudget(MaxSteps: 20, MaxTokens: 1200, null, null, null)), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.TokenLimit);
        result.Steps.Should().Be(3, "1000 tokens after two steps are under the limit, 1500 after three are over");
        result.Usage.TotalTokens.Should().Be(1500);
        server.Requests.Should().HaveCount(3);
        AgentRuns.ShouldBeComplete(_transcript, ["list_files", "list_files", "list_files"], AgentStopReason.TokenLimit);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_cost_limit_stops_the_loop_once_the_priced_usage_reaches_it()
    {
        await using var server = await LoopbackServer.StartAsync((request, index) => ListFiles(request, index, tokens: 500_000));
        // $1 a step: $2 after two steps is over the $1.50 limit.
        using var agent = Agent(server, new ModelPrice(InputPerMillion: 1m, OutputPerMillion: 1m));

        var result = await agent.RunAsync(Request(new AgentBudget(MaxSteps: 20, null, MaxCostUsd: 1.5m, null, null)), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.CostLimit);
        result.Steps.Should().Be(2);
        result.Usage.CostUsd.Should().Be(2m);
        AgentRuns.ShouldBeComplete(_transcript, ["list_files", "list_files"], AgentStopReason.CostLimit);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_wall_time_limit_stops_a_query_the_model_never_answers()
    {
        await using var server = await LoopbackServer.StartAsync((request, index) =>
            index == 0 ? ListFiles(request, index, tokens: 10) : LoopbackResponse.Silence());
        using var agent = Agent(server);

        var result = await agent.RunAsync(
            Request(new AgentBudget(MaxSteps: 20, null, null, WallTime: TimeSpan.FromSeconds(3), null)), CancellationToken.None);

        // Normally the second query is in flight when the time runs out; on a busy machine a cold first
        // query can take all of it. Either way the run ends with its time limit, every query counted and
        // every observation it got recorded.
        result.StopReason.Should().Be(AgentStopReason.TimeLimit);
        result.Steps.Should().BeInRange(1, 2);
        server.Requests.Count.Should().BeLessThanOrEqualTo(result.Steps);
        AgentRuns.ShouldBeComplete(_transcript, [.. Enumerable.Repeat("list_files", result.Steps - 1)], AgentStopReason.TimeLimit);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("openai")]
    [InlineData("anthropic")]
    public async Task The_idle_limit_stops_a_query_that_stays_silent(string provider)
    {
        await using var server = await LoopbackServer.StartAsync((_, _) => LoopbackResponse.Silence());
        using var agent = BuiltInAgent.Create(new BuiltInAgentOptions(provider, "test-model")
        {
            BaseUrl = provider == "openai" ? new Uri(server.BaseUrl, "v1") : server.BaseUrl,
        });

        var result = await agent.RunAsync(
            Request(new AgentBudget(MaxSteps: 20, null, null, WallTime: TimeSpan.FromMinutes(1), IdleTime: TimeSpan.FromSeconds(1))),
            CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.IdleLimit);
        result.Steps.Should().Be(1);
        AgentRuns.ShouldBeComplete(_transcript, [], AgentStopReason.IdleLimit);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>A list_files call that used <paramref name="tokens"/> prompt tokens and as many completion tokens.</summary>
    private static LoopbackResponse ListFiles(LoopbackRequest request, int index, int tokens) =>
        OpenAIWire.ToolCall(request.WantsStream, $"call_{index}", "list_files", new { }, tokens, tokens);

    private static BuiltInAgent Agent(LoopbackServer server, ModelPrice? price = null) =>
        BuiltInAgent.Create(new BuiltInAgentOptions("openai", "test-model") { BaseUrl = new Uri(server.BaseUrl, "v1"), Price = price });

    private AgentRequest Request(AgentBudget budget) => AgentRuns.Request(_folder["worktree"], _checks, _transcript, budget);
}
