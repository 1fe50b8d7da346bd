using Nightshift.Agents;
using Nightshift.Agents.BuiltIn;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>
/// Tool calls a model gets wrong in ways that once ended the run: a NUL in a path, a lone surrogate in its text and in
/// its arguments (as the wire carries it, and escaped inside the arguments' own JSON), a path longer than any file
/// system allows. Each is an error observation; the run goes on to a real fix and finishes.
/// </summary>
public sealed class MalformedCallSpecs
{
    [Theory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Malformed_calls_are_error_observations_and_the_run_goes_on_to_finish(bool streaming)
    {
        using var crate = new BrokenCrate("no-secret-here");
        var surrogate = OpenAIWire.LoneSurrogate;
        Func<bool, LoopbackResponse>[] script =
        [
            stream => OpenAIWire.ToolCall(stream, "call_nul", "read_file", new { path = "src/main\0.rs" }, 10, 1),
            stream => OpenAIWire.WithLoneSurrogates(OpenAIWire.ToolCall(stream, "call_wire", "read_file", new { path = $"src/{surrogate}.rs", padding = new string('p', 60) }, 10, 1)),
            stream => OpenAIWire.ToolCallJson(stream, "call_escaped", "edit", """{"path":"src/main.rs","old_string":"\ud800","new_string":"x"}""", 10, 1),
            stream => OpenAIWire.ToolCall(stream, "call_long", "write_file", new { path = new string('a', 5_000), content = "x" }, 10, 1),
            stream => OpenAIWire.ToolCall(stream, "call_edit", "edit", new { path = "src/main.rs", old_string = BrokenCrate.BrokenLine, new_string = BrokenCrate.FixedLine }, 10, 1),
            stream => OpenAIWire.ToolCall(stream, "call_finish", "finish", new { summary = "Fixed the literal." }, 10, 1),
        ];
        await using var server = await LoopbackServer.StartAsync((request, index) => index < script.Length ? script[index](request.WantsStream) : null);
        using var agent = BuiltInAgent.Create(
            new BuiltInAgentOptions("openai", "test-model") { BaseUrl = new Uri(server.BaseUrl, "v1"), Streaming = streaming },
            environment: _ => null);
        var transcript = new RecordingTranscript(crate.TranscriptFile);

        var result = await agent.RunAsync(AgentRuns.Request(crate.Root, crate.Checks, transcript), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        File.ReadAllText(crate.MainFile).Should().Contain(BrokenCrate.FixedLine);
        AgentRuns.ShouldBeComplete(transcript, ["read_file", "read_file", "edit", "write_file", "edit", "finish"], AgentStopReason.Finished);
        var observations = transcript.Entries.Where(e => e.Role == "tool").Select(e => e.Content).ToList();
        observations[0].Should().Be("Error: read_file: the argument 'path' contains a NUL character (\\u0000), which no path or source text may hold.");
        observations[1].Should().Be("Error: read_file: there is no file 'src/\ufffd.rs' in the worktree.", "the wire's lone surrogate arrives as U+FFFD");
        observations[2].Should().StartWith("Error: edit: the argument 'old_string' holds an invalid \\u escape");
        observations[3].Should().StartWith("Error: write_file: the argument 'path' is 5000 characters long");
        observations[4].Should().StartWith("Edited src/main.rs");
        var lastRequest = server.Requests[^1].Json.GetProperty("messages").EnumerateArray().ToList();
        lastRequest.Where(m => m.GetProperty("role").GetString() == "tool").Select(m => m.GetProperty("content").GetString())
            .Should().Equal(observations.Take(5), "the model is told what it got wrong");
    }
}
