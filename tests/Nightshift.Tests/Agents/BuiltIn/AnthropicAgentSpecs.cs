using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Agents.BuiltIn;
using Nightshift.Agents.Resilience;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>The built-in agent against the Anthropic Messages API, through the real Anthropic SDK and a real cargo crate.</summary>
public sealed class AnthropicAgentSpecs
{
    private const string KeyVariable = "NIGHTSHIFT_TEST_ANTHROPIC_KEY";

    [Theory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_agent_reads_edits_checks_and_finishes_through_a_rate_limit_and_an_overload(bool streaming)
    {
        var apiKey = "sk-ant-test-" + Guid.NewGuid().ToString("N");
        using var crate = new BrokenCrate(apiKey);
        Func<bool, LoopbackResponse>[] script =
        [
            _ => AnthropicWire.Error(429, "rate_limit_error", "Number of requests has exceeded your rate limit.", ("retry-after", "1")),
            stream => AnthropicWire.ToolUse(stream, "toolu_read", "read_file", new { path = "src/main.rs" }, 400, 30, text: "Let me look at the file first."),
            stream => AnthropicWire.ToolUse(stream, "toolu_edit", "edit", new { path = "src/main.rs", old_string = BrokenCrate.BrokenLine, new_string = BrokenCrate.FixedLine }, 600, 70),
            _ => AnthropicWire.Error(529, "overloaded_error", "Overloaded"),
            stream => AnthropicWire.ToolUse(stream, "toolu_check", "run_check", new { }, 800, 20),
            stream => AnthropicWire.Text(stream, "done", "The error is fixed.", 900, 10),
            stream => AnthropicWire.ToolUse(stream, "toolu_finish", "finish", new { summary = "count is an integer now." }, 1000, 25),
        ];
        await using var server = await LoopbackServer.StartAsync((request, index) => index < script.Length ? script[index](request.WantsStream) : null);
        var events = new List<ProviderEvent>();
        using var agent = BuiltInAgent.Create(
            new BuiltInAgentOptions("anthropic", "claude-test")
            {
                BaseUrl = server.BaseUrl,
                ApiKeyEnv = KeyVariable,
                Streaming = streaming,
                Resilience = new ResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(50) },
            },
            environment: name => name == KeyVariable ? apiKey : null,
            onEvent: events.Add);
        var transcript = new RecordingTranscript(crate.TranscriptFile);

        var result = await agent.RunAsync(AgentRuns.Request(crate.Root, crate.Checks, transcript), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        result.Summary.Should().Be("count is an integer now.");
        result.Steps.Should().Be(5);
        result.Usage.Should().Be(new AgentUsage(3700, 155, null));

        var diagnostics = await crate.Checks.CheckAsync([], CancellationToken.None);
        diagnostics.Should().NotContain(diagnostic => diagnostic.IsError, "the real compiler error is gone");
        File.ReadAllText(crate.MainFile).Should().Contain(BrokenCrate.FixedLine);

        var requests = server.Requests;
        requests.Should().HaveCount(7).And.OnlyContain(request => request.Method == "POST" && request.Path == "/v1/messages");
        requests.Should().OnlyContain(request => request.Headers.Values.Any(value => value.Contains(apiKey)));
        requests[1].Body.Should().Be(requests[0].Body);
        requests[4].Body.Should().Be(requests[3].Body);
        requests.Should().OnlyContain(request => request.WantsStream == streaming);
        events.OfType<RetryScheduled>().Select(retry => retry.Reason).Should().Equal("429 Too Many Requests", "529");

        var first = requests[0].Json;
        first.GetProperty("model").GetString().Should().Be("claude-test");
        first.GetProperty("system").GetString().Should().StartWith("You are a careful software engineer");
        first.GetProperty("tools").EnumerateArray().Select(tool => tool.GetProperty("name").GetString()).Should().Contain(["read_file", "edit", "run_check", "finish"]);
        first.GetProperty("tools")[1].GetProperty("input_schema").GetProperty("required").EnumerateArray().Select(name => name.GetString()).Should().Equal("path");

        var afterRead = requests[2].Json.GetProperty("messages").EnumerateArray().ToList();
        afterRead.Select(message => message.GetProperty("role").GetString()).Should().Equal("user", "assistant", "user");
        var replyBlocks = afterRead[1].GetProperty("content").EnumerateArray().ToList();
        replyBlocks.Select(block => block.GetProperty("type").GetString()).Should().Equal("text", "tool_use");
        replyBlocks[1].GetProperty("id").GetString().Should().Be("toolu_read");
        replyBlocks[1].GetProperty("input").GetProperty("path").GetString().Should().Be("src/main.rs");
        var result0 = afterRead[2].GetProperty("content")[0];
        result0.GetProperty("type").GetString().Should().Be("tool_result");
        result0.GetProperty("tool_use_id").GetString().Should().Be("toolu_read");
        result0.GetProperty("content").GetString().Should().Contain("3\t" + BrokenCrate.BrokenLine);

        var afterEndTurn = requests[6].Json.GetProperty("messages").EnumerateArray().ToList();
        afterEndTurn[^2].GetProperty("role").GetString().Should().Be("assistant");
        afterEndTurn[^2].GetProperty("content")[0].GetProperty("text").GetString().Should().Be("The error is fixed.");
        afterEndTurn[^1].GetProperty("role").GetString().Should().Be("user");
        afterEndTurn[^1].GetProperty("content")[0].GetProperty("text").GetString().Should().Contain("called no tool");

        AgentRuns.ShouldBeComplete(transcript, ["read_file", "edit", "run_check", "finish"], AgentStopReason.Finished);
        transcript.Entries.Should().Contain(entry => entry.Role == "assistant" && entry.Content == "Let me look at the file first.");
        transcript.Entries.Single(entry => entry is { Role: "tool", ToolName: "run_check" }).Content.Should().Contain("No diagnostics.");
        File.ReadAllText(transcript.File).Should().NotContain(apiKey).And.Contain("deploy token: ***");
        JsonSerializer.Serialize(transcript.Entries).Should().NotContain(apiKey);
    }
}
