using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Agents.External;
using Nightshift.Agents.Transcripts;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Tests.Agents.Local;
using Nightshift.Tests.Execution;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.External;

/// <summary>The command agent running the dummy program as a fake agent CLI.</summary>
public sealed class CommandAgentSpecs : IDisposable
{
    private const string Prompt = "Fix E0308 in src/main.rs\nThe details follow.\n";

    private readonly TempDir _temp = new("command-agent");

    public CommandAgentSpecs() => Directory.CreateDirectory(Worktree);

    private string Worktree => _temp["repo"];

    [Fact(Timeout = 60_000)]
    public async Task A_claude_style_run_finishes_with_cost_tokens_and_turns_from_its_stream_json_and_its_change_in_the_worktree()
    {
        var options = Preset(AgentPreset.Claude, "fake-claude");
        var memory = new RecordingTranscript();
        var path = NightshiftPaths.For(_temp["state"]).TranscriptFor("attempt-1");
        AgentResult result;
        await using (var file = new TranscriptFile(path))
        {
            result = await new CommandAgent(options).RunAsync(Request(new CompositeTranscript(file, memory)), CancellationToken.None);
        }

        result.StopReason.Should().Be(AgentStopReason.Finished);
        result.Usage.Should().Be(new AgentUsage(300, 50, 0.0123m));
        result.Steps.Should().Be(2);
        result.Summary.Should().Be("Done: wrote fixed.txt.");
        File.ReadAllText(Path.Combine(Worktree, "fixed.txt")).Should().Be("fixed: Fix E0308 in src/main.rs\n");

        var entries = memory.Entries;
        entries[0].Should().Match<TranscriptEntry>(e => e.Role == "user" && e.Content == Prompt);
        entries.Where(e => e.Role == "tool").Should().SatisfyRespectively(
            call => call.Should().Match<TranscriptEntry>(e => e.ToolName == "Write" && e.Content == "call Write"
                && e.ToolArguments!.Contains("\"file_path\":\"fixed.txt\"")),
            observation => observation.Should().Match<TranscriptEntry>(e => e.ToolName == "Write" && e.ToolArguments == null
                && e.Content.StartsWith("File created")));
        entries.Should().Contain(e => e.Content == "a line that is not JSON");
        entries.Should().Contain(e => e.Content.Contains("rate_limit_event"), "an unknown event is kept as text");
        entries.Where(e => e.Role == "assistant").Select(e => e.Content).Should().Contain(["I will write the fix.", "Done: wrote fixed.txt."]);
        entries[^1].Should().Match<TranscriptEntry>(e => e.Role == "harness" && e.Content.Contains("exited with code 0"));

        var lines = File.ReadAllLines(path);
        lines.Should().HaveCount(entries.Count, "one line per entry, all on disk when the run returns");
        lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("role").GetString()).Should().Equal(entries.Select(e => e.Role));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_hung_agent_is_stopped_by_the_idle_timeout_and_its_whole_process_tree_is_gone()
    {
        using var spawned = new SpawnedProcesses();
        var transcript = new PidRecorder(spawned);
        var budget = AgentBudget.Unlimited with { IdleTime = TimeSpan.FromSeconds(1.5), WallTime = TimeSpan.FromSeconds(50) };
        var agent = new CommandAgent(new CommandAgentOptions([Binaries.Dummy, "fake-hang"]) { GracePeriod = TimeSpan.FromSeconds(2) });

        var result = await agent.RunAsync(Request(transcript, budget: budget), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.IdleLimit);
        spawned.Count.Should().Be(2, "the parent and its child were seen alive");
        (await spawned.SurvivorsAsync()).Should().BeEmpty();
        transcript.Entries[^1].Content.Should().Contain("no output for").And.Contain("killed");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_non_zero_exit_is_an_error_carrying_the_tail_of_stderr()
    {
        var agent = new CommandAgent(new CommandAgentOptions([Binaries.Dummy, "crash"]));

        var result = await agent.RunAsync(Request(new RecordingTranscript()), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.Error);
        result.Error.Should().Contain("exited with code").And.Contain("dummy crashed on purpose");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_aider_style_run_reads_the_prompt_from_a_file_outside_the_worktree_and_reports_its_session_cost()
    {
        var transcript = new RecordingTranscript();

        var result = await new CommandAgent(Preset(AgentPreset.Aider, "fake-aider")).RunAsync(Request(transcript), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        result.Usage.Should().Be(new AgentUsage(1200, 345, 0.02m));
        File.ReadAllText(Path.Combine(Worktree, "aider.txt")).Should().Be("Fix E0308 in src/main.rs\n");
        var promptFile = transcript.Entries.Single(e => e.Content.StartsWith("prompt file: ")).Content["prompt file: ".Length..];
        Path.GetRelativePath(Worktree, promptFile).Should().StartWith("..", "the prompt never lands in the worktree");
        File.Exists(promptFile).Should().BeFalse("the prompt file is removed after the run");
        Directory.EnumerateFileSystemEntries(Worktree).Select(Path.GetFileName).Should().Equal("aider.txt");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_token_budget_exceeded_by_the_reported_usage_stops_the_run()
    {
        var budget = AgentBudget.Unlimited with { MaxTokens = 100 };

        var result = await new CommandAgent(Preset(AgentPreset.Claude, "fake-claude")).RunAsync(Request(new RecordingTranscript(), budget: budget), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.TokenLimit);
        result.Usage.TotalTokens.Should().BeGreaterThan(100);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_program_that_cannot_be_started_is_an_error_not_an_exception()
    {
        var agent = new CommandAgent(new CommandAgentOptions(["no-such-agent-cli-anywhere"]));

        var result = await agent.RunAsync(Request(new RecordingTranscript()), CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.Error);
        result.Error.Should().Contain("no-such-agent-cli-anywhere");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_prompt_file_the_command_never_receives_is_a_configuration_error()
    {
        var create = () => new CommandAgent(new CommandAgentOptions(["aider", "--yes-always"]) { PromptInput = PromptInput.File });

        create.Should().Throw<ConfigException>().WithMessage("*{prompt_file}*");
        await Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A preset's options with the dummy in the program's place and the mode as its first argument.</summary>
    private static CommandAgentOptions Preset(AgentPreset preset, string mode)
    {
        var options = CommandPresets.For(preset);
        return options with { Command = [Binaries.Dummy, mode, .. options.Command.Skip(1)] };
    }

    private AgentRequest Request(ITranscript transcript, AgentBudget? budget = null) => new(
        new AgentTask("t-1", "bench", "Fix E0308", new Dictionary<string, string> { [PromptText.Variable] = Prompt }, []),
        Worktree,
        budget ?? AgentBudget.Unlimited with { WallTime = TimeSpan.FromSeconds(50) },
        new NoChecks(),
        transcript);

    /// <summary>Records the hung agent's processes while they are alive, from the line it prints.</summary>
    private sealed class PidRecorder(SpawnedProcesses spawned) : ITranscript
    {
        private readonly RecordingTranscript _inner = new();

        public IReadOnlyList<TranscriptEntry> Entries => _inner.Entries;

        public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
        {
            if (entry.Content.Split(' ') is ["hanging:", "parent", var parent, "child", var child])
            {
                spawned.Record(new OutputLine(OutputChannel.StandardOutput, $"parent {parent}"));
                spawned.Record(new OutputLine(OutputChannel.StandardOutput, $"child {child}"));
            }

            return _inner.AppendAsync(entry, cancellationToken);
        }
    }

    /// <summary>The checks of an agent that brings its own tools.</summary>
    internal sealed class NoChecks : IWorkspaceChecks
    {
        public Task<IReadOnlyList<Nightshift.Diagnostics.Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken) =>
            throw new NotSupportedException("A command agent checks with its own tools.");

        public Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken) =>
            throw new NotSupportedException("A command agent runs tests with its own tools.");
    }
}
