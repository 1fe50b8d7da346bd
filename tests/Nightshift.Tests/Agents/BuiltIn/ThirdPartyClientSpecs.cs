using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Nightshift.Agents;
using Nightshift.Agents.BuiltIn;
using Nightshift.Execution;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>
/// Any <see cref="IChatClient"/> drives the built-in agent's loop: the agent runs the tools, counts the steps and the
/// cost, and writes the transcript, whatever client answers. The client here stands for a user's own (an Ollama or a
/// local ONNX client): it speaks only Microsoft.Extensions.AI, and no Nightshift provider code is between it and the loop.
/// </summary>
public sealed class ThirdPartyClientSpecs
{
    [Theory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_users_own_chat_client_drives_the_tool_loop_to_a_real_fix(bool streaming)
    {
        using var crate = new BrokenCrate("sk-user-" + Guid.NewGuid().ToString("N"));
        var client = new ScriptedChatClient(
            Reply(new FunctionCallContent("c1", "read_file", Arguments(("path", "src/main.rs"))), 100, 10, text: "Reading first."),
            Reply(new FunctionCallContent("c2", "edit", Arguments(("path", "src/main.rs"), ("old_string", BrokenCrate.BrokenLine), ("new_string", BrokenCrate.FixedLine))), 200, 20),
            Reply(new FunctionCallContent("c3", "finish", Arguments(("summary", "Fixed by a user's client."))), 300, 30));
        var settings = new BuiltInAgentSettings
        {
            Streaming = streaming,
            Price = new ModelPrice(InputPerMillion: 1m, OutputPerMillion: 2m),
            MaxOutputTokens = 777,
            Redactor = new Redactor([crate.Secret]),
        };
        using var agent = new BuiltInAgent(client, settings);
        var transcript = new RecordingTranscript(crate.TranscriptFile);

        var result = await agent.RunAsync(AgentRuns.Request(crate.Root, crate.Checks, transcript), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        result.Summary.Should().Be("Fixed by a user's client.");
        result.Steps.Should().Be(3);
        result.Usage.Should().Be(new AgentUsage(600, 60, ((600 * 1m) + (60 * 2m)) / 1_000_000m));
        agent.Name.Should().Be("ollama");
        File.ReadAllText(crate.MainFile).Should().Contain(BrokenCrate.FixedLine);

        client.Queries.Should().HaveCount(3).And.OnlyContain(query => query.Streaming == streaming);
        client.Queries.Should().OnlyContain(query => query.Options.MaxOutputTokens == 777);
        client.Queries[0].Options.Tools!.Select(tool => tool.Name).Should().Contain(["read_file", "edit", "run_check", "finish"]);
        client.Queries[0].Options.Tools.Should().NotContain(tool => tool is AIFunction, "the loop runs the tools; the client is only told of them");
        var afterRead = client.Queries[1].Messages;
        afterRead.Select(message => message.Role).Should().Equal(ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool);
        afterRead[2].Text.Should().Be("Reading first.");
        var observation = afterRead[3].Contents.Should().ContainSingle().Which.Should().BeOfType<FunctionResultContent>().Subject;
        observation.CallId.Should().Be("c1");
        observation.Result.Should().BeOfType<string>().Which.Should().Contain("3\t" + BrokenCrate.BrokenLine).And.Contain("deploy token: ***");
        observation.Exception.Should().BeNull();

        AgentRuns.ShouldBeComplete(transcript, ["read_file", "edit", "finish"], AgentStopReason.Finished);
        transcript.Entries.Should().Contain(entry => entry.ToolName == "edit" && entry.ToolArguments!.Contains("\"new_string\":\"" + BrokenCrate.FixedLine + "\""));
    }

    private static ChatResponse Reply(FunctionCallContent call, long inputTokens, long outputTokens, string text = "") =>
        new(new ChatMessage(ChatRole.Assistant, [.. text.Length > 0 ? [new TextContent(text)] : Array.Empty<AIContent>(), call]))
        {
            Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens },
        };

    private static Dictionary<string, object?> Arguments(params (string Name, object? Value)[] arguments) =>
        arguments.ToDictionary(argument => argument.Name, argument => argument.Value);

    /// <summary>A user's client, as far as the agent can tell: it answers from a script and remembers what it was asked.</summary>
    private sealed class ScriptedChatClient(params ChatResponse[] replies) : IChatClient
    {
        private readonly ChatClientMetadata _metadata = new("ollama", new Uri("http://127.0.0.1:11434"), "qwen-coder");

        public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions Options, bool Streaming)> Queries { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Next(messages, options, streaming: false));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var update in Next(messages, options, streaming: true).ToChatResponseUpdates())
            {
                await Task.Yield();
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? _metadata : null;

        public void Dispose()
        {
        }

        private ChatResponse Next(IEnumerable<ChatMessage> messages, ChatOptions? options, bool streaming)
        {
            // A copy: the agent's list goes on growing after the query.
            Queries.Add(([.. messages], options!, streaming));
            return replies[Queries.Count - 1];
        }
    }
}
