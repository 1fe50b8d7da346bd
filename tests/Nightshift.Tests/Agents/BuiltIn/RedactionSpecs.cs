using Nightshift.Agents;
using Nightshift.Agents.BuiltIn;
using Nightshift.Execution;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>
/// Secrets never reach the model: the API key and the value of any secret-named environment variable are masked in
/// every observation before it is sent, and in the transcript, whether a file holds them or a command echoes them.
/// </summary>
public sealed class RedactionSpecs
{
    private const string KeyVariable = "NIGHTSHIFT_TEST_REDACTION_KEY";

    [Fact(Timeout = 120_000)]
    public async Task A_file_with_the_key_and_a_check_that_prints_the_environment_reach_the_model_masked()
    {
        var apiKey = "sk-test-" + Guid.NewGuid().ToString("N");
        var tokenVariable = $"NIGHTSHIFT_SPEC_{Guid.NewGuid():N}_TOKEN";
        var token = "tok-" + Guid.NewGuid().ToString("N");
        using var crate = new BrokenCrate(apiKey);
        Environment.SetEnvironmentVariable(tokenVariable, token);
        try
        {
            Func<bool, LoopbackResponse>[] script =
            [
                stream => OpenAIWire.ToolCall(stream, "call_read", "read_file", new { path = "src/main.rs" }, 10, 1),
                stream => OpenAIWire.ToolCall(stream, "call_tests", "run_tests", new { }, 10, 1),
                stream => OpenAIWire.ToolCall(stream, "call_finish", "finish", new { summary = "Looked around." }, 10, 1),
            ];
            await using var server = await LoopbackServer.StartAsync((request, index) => index < script.Length ? script[index](request.WantsStream) : null);
            using var agent = BuiltInAgent.Create(
                new BuiltInAgentOptions("openai", "test-model") { BaseUrl = new Uri(server.BaseUrl, "v1"), ApiKeyEnv = KeyVariable },
                environment: name => name == KeyVariable ? apiKey : null);
            var transcript = new RecordingTranscript(crate.TranscriptFile);

            var result = await agent.RunAsync(AgentRuns.Request(crate.Root, new EnvironmentEcho(crate.Root), transcript), CancellationToken.None);

            result.StopReason.Should().Be(AgentStopReason.Finished);
            var observations = transcript.Entries.Where(e => e.Role == "tool").Select(e => e.Content).ToList();
            observations[0].Should().Contain("// deploy token: ***");
            observations[1].Should().Contain($"{tokenVariable}=***", "the check really printed the environment");
            var sentToTheModel = server.Requests[^1].Json.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("role").GetString() == "tool").Select(m => m.GetProperty("content").GetString()).ToList();
            sentToTheModel.Should().Equal(observations.Take(2));
            server.Requests.Should().OnlyContain(r => !r.Body.Contains(apiKey, StringComparison.Ordinal) && !r.Body.Contains(token, StringComparison.Ordinal));
            File.ReadAllText(transcript.File).Should().NotContain(apiKey).And.NotContain(token);
        }
        finally
        {
            Environment.SetEnvironmentVariable(tokenVariable, null);
        }
    }

    /// <summary>Checks whose test run is a real <c>env</c> process: it prints the variables it inherited (the spec's own).</summary>
    private sealed class EnvironmentEcho(string worktree) : IWorkspaceChecks
    {
        public Task<IReadOnlyList<Nightshift.Diagnostics.Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Nightshift.Diagnostics.Diagnostic>>([]);

        public async Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken)
        {
            var result = await new ProcessRunner().RunAsync(new CommandSpec("sh", ["-c", "env | grep ^NIGHTSHIFT_SPEC_"]) { WorkingDirectory = worktree }, cancellationToken);
            return new TestRunSummary(0, 0, 0, result.StandardOutput);
        }
    }
}
