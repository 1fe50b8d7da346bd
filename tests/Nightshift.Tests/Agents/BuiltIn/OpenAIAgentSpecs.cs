using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Agents.BuiltIn;
using Nightshift.Agents.Resilience;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>The built-in agent against an OpenAI-compatible endpoint, through the real OpenAI SDK and a real cargo crate.</summary>
public sealed class OpenAIAgentSpecs
{
    private const string KeyVariable = "NIGHTSHIFT_TEST_OPENAI_KEY";

    [Theory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_agent_reads_edits_checks_and_finishes_through_a_rate_limit_and_a_server_error(bool streaming)
    {
        var apiKey = "sk-test-" + Guid.NewGuid().ToString("N");
        using var crate = new BrokenCrate(apiKey);
        Func<bool, LoopbackResponse>[] script =
        [
            _ => OpenAIWire.Error(429, "Rate limit reached for requests", ("Retry-After", "1")),
            stream => OpenAIWire.ToolCall(stream, "call_read", "read_file", new { path = "src/main.rs" }, 300, 20),
            stream => OpenAIWire.ToolCall(stream, "call_edit", "edit", new { path = "src/main.rs", old_string = BrokenCrate.BrokenLine, new_string = BrokenCrate.FixedLine }, 500, 60),
            _ => OpenAIWire.Error(500, "The server had an error while processing your request."),
            stream => OpenAIWire.ToolCall(stream, "call_check", "run_check", new { }, 700, 15),
            stream => OpenAIWire.ToolCall(stream, "call_finish", "finish", new { summary = "Assigned an integer literal to count." }, 900, 25),
        ];
        await using var server = await LoopbackServer.StartAsync((request, index) => index < script.Length ? script[index](request.WantsStream) : null);
        var events = new List<ProviderEvent>();
        using var agent = BuiltInAgent.Create(
            new BuiltInAgentOptions("openai", "test-model")
            {
                BaseUrl = new Uri(server.BaseUrl, "v1"),
                ApiKeyEnv = KeyVariable,
                Streaming = streaming,
                Price = new ModelPrice(InputPerMillion: 2m, OutputPerMillion: 10m),
                Resilience = new ResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(50) },
            },
            environment: name => name == KeyVariable ? apiKey : null,
            onEvent: events.Add);
        var transcript = new RecordingTranscript(crate.TranscriptFile);

        var result = await agent.RunAsync(AgentRuns.Request(crate.Root, crate.Checks, transcript), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        result.Summary.Should().Be("Assigned an integer literal to count.");
        result.Steps.Should().Be(4);
        result.Usage.Should().Be(new AgentUsage(2400, 120, ((2400 * 2m) + (120 * 10m)) / 1_000_000m));

        var diagnostics = await crate.Checks.CheckAsync([], CancellationToken.None);
        diagnostics.Should().NotContain(diagnostic => diagnostic.IsError, "the real compiler error is gone");
        File.ReadAllText(crate.MainFile).Should().Contain(BrokenCrate.FixedLine).And.NotContain(BrokenCrate.BrokenLine);
        crate.Checks.CheckedFiles[0].Should().Equal("src/main.rs");

        var requests = server.Requests;
        requests.Should().HaveCount(6).And.OnlyContain(request => request.Method == "POST" && request.Path == "/v1/chat/completions");
        requests.Should().OnlyContain(request => request.Headers["Authorization"] == "Bearer " + apiKey);
        requests.Should().OnlyContain(request => !request.Body.Contains(apiKey, StringComparison.Ordinal), "the file's copy of the key is masked before it is sent");
        requests[1].Body.Should().Be(requests[0].Body, "the answer to a 429 is the same request, retried");
        requests[4].Body.Should().Be(requests[3].Body, "the answer to a 500 is the same request, retried");
        requests.Should().OnlyContain(request => request.WantsStream == streaming);
        events.OfType<RetryScheduled>().Select(retry => retry.Reason).Should().Equal("429 Too Many Requests", "500 Internal Server Error");
        events.OfType<RetryScheduled>().First().Delay.Should().Be(TimeSpan.FromSeconds(1));

        var afterRead = requests[2].Json.GetProperty("messages").EnumerateArray().ToList();
        afterRead.Select(message => message.GetProperty("role").GetString()).Should().Equal("system", "user", "assistant", "tool");
        afterRead[2].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("name").GetString().Should().Be("read_file");
        afterRead[3].GetProperty("tool_call_id").GetString().Should().Be("call_read");
        afterRead[3].GetProperty("content").GetString().Should().Contain("3\t" + BrokenCrate.BrokenLine);
        requests[0].Json.GetProperty("tools").EnumerateArray().Select(tool => tool.GetProperty("function").GetProperty("name").GetString())
            .Should().Equal("list_files", "read_file", "search", "edit", "write_file", "apply_patch", "run_check", "show_generated", "run_tests", "finish");
        if (streaming)
        {
            requests[0].Json.GetProperty("stream_options").GetProperty("include_usage").GetBoolean().Should().BeTrue();
        }

        AgentRuns.ShouldBeComplete(transcript, ["read_file", "edit", "run_check", "finish"], AgentStopReason.Finished);
        transcript.Entries.Single(entry => entry is { Role: "tool", ToolName: "run_check" }).Content.Should().Contain("No diagnostics.");
        transcript.Entries.Single(entry => entry is { Role: "tool", ToolName: "read_file" }).Content.Should().Contain("// deploy token: ***");
        File.ReadAllText(transcript.File).Should().NotContain(apiKey);
        JsonSerializer.Serialize(transcript.Entries).Should().NotContain(apiKey);
    }
}
