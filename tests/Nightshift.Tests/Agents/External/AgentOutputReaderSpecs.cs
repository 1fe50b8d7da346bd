using Nightshift.Agents;
using Nightshift.Agents.External;
using Nightshift.Agents.External.Output;
using Nightshift.Execution;

namespace Nightshift.Tests.Agents.External;

/// <summary>The readers of external agents' output, on lines shaped like the real tools'.</summary>
public sealed class AgentOutputReaderSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Codex_events_become_steps_per_completed_item_with_usage_summed_over_turns()
    {
        var reader = AgentOutputReaders.For(AgentOutputFormat.CodexJson);
        string[] lines =
        [
            """{"type":"thread.started","thread_id":"0199a213-81c0-7800-8aa1-bbab2a035a53"}""",
            """{"type":"turn.started"}""",
            """{"type":"item.started","item":{"id":"item_1","type":"command_execution","command":"bash -lc ls","status":"in_progress"}}""",
            """{"type":"item.completed","item":{"id":"item_1","type":"command_execution","command":"bash -lc ls","aggregated_output":"src\n","exit_code":0,"status":"completed"}}""",
            """{"type":"item.completed","item":{"id":"item_2","type":"file_change","changes":[{"path":"src/main.rs","kind":"update"}],"status":"completed"}}""",
            """{"type":"item.completed","item":{"id":"item_3","type":"agent_message","text":"Fixed the mismatched type."}}""",
            """{"type":"turn.completed","usage":{"input_tokens":24763,"cached_input_tokens":24448,"output_tokens":122}}""",
            """{"type":"some.future.event","x":1}""",
            "plain words",
        ];

        var entries = lines.SelectMany(line => reader.Read(new OutputLine(OutputChannel.StandardOutput, line))).ToList();

        reader.Steps.Should().Be(3);
        reader.Usage.Should().Be(new AgentUsage(24763, 122, null));
        reader.FinalMessage.Should().Be("Fixed the mismatched type.");
        reader.ReportedStop.Should().BeNull();
        entries.Should().Contain(e => e.ToolName == "shell" && e.ToolArguments!.Contains("bash -lc ls") && e.Content.StartsWith("exit 0"));
        entries.Should().Contain(e => e.ToolName == "apply_patch" && e.Content == "update src/main.rs");
        entries.Should().Contain(e => e.Content.Contains("some.future.event")).And.Contain(e => e.Content == "plain words");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_failed_codex_turn_is_reported_as_an_error()
    {
        var reader = AgentOutputReaders.For(AgentOutputFormat.CodexJson);

        _ = reader.Read(new OutputLine(OutputChannel.StandardOutput, """{"type":"turn.failed","error":{"message":"stream disconnected"}}"""));

        reader.ReportedStop.Should().Be((AgentStopReason.Error, "Codex reported: stream disconnected"));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Claude_running_out_of_turns_is_a_step_limit_and_broken_json_is_text()
    {
        var reader = AgentOutputReaders.For(AgentOutputFormat.ClaudeStreamJson);
        string[] lines =
        [
            """{"type":"assistant","message":{"id":"m1","content":[{"type":"text","text":"Looking."}],"usage":{"input_tokens":10,"output_tokens":5}}}""",
            """{"type":"assistant", "message": {"id": """,
            """{"type":"result","subtype":"error_max_turns","is_error":true,"num_turns":3,"total_cost_usd":0.5,"usage":{"input_tokens":1000,"output_tokens":200}}""",
        ];

        var entries = lines.SelectMany(line => reader.Read(new OutputLine(OutputChannel.StandardOutput, line))).ToList();

        reader.ReportedStop!.Value.Reason.Should().Be(AgentStopReason.StepLimit);
        reader.Steps.Should().Be(3);
        reader.Usage.Should().Be(new AgentUsage(1000, 200, 0.5m));
        entries.Should().Contain(e => e.Content == lines[1]);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Claude_usage_counts_each_message_once_until_the_result_replaces_it()
    {
        var reader = AgentOutputReaders.For(AgentOutputFormat.ClaudeStreamJson);
        string[] lines =
        [
            """{"type":"assistant","message":{"id":"m1","content":[{"type":"text","text":"a"}],"usage":{"input_tokens":10,"cache_read_input_tokens":90,"output_tokens":5}}}""",
            """{"type":"assistant","message":{"id":"m1","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{"command":"cargo check"}}],"usage":{"input_tokens":10,"cache_read_input_tokens":90,"output_tokens":5}}}""",
            """{"type":"assistant","message":{"id":"m2","content":[{"type":"text","text":"b"}],"usage":{"input_tokens":20,"output_tokens":7}}}""",
        ];

        foreach (var line in lines)
        {
            _ = reader.Read(new OutputLine(OutputChannel.StandardOutput, line));
        }

        reader.Steps.Should().Be(2);
        reader.Usage.Should().Be(new AgentUsage(120, 12, null));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Aider_tokens_add_up_per_reply_and_the_cost_is_the_sessions()
    {
        var reader = AgentOutputReaders.For(AgentOutputFormat.Aider);
        string[] lines =
        [
            "Tokens: 2.1k sent, 1.0k cache write, 92 received.",
            "Cost: $0.0093 message, $0.0093 session.",
            "Applied edit to src/main.rs",
            "Tokens: 3.4k sent, 1.2k received. Cost: $0.02 message, $0.03 session.",
        ];

        foreach (var line in lines)
        {
            _ = reader.Read(new OutputLine(OutputChannel.StandardOutput, line));
        }

        reader.Steps.Should().Be(2);
        reader.Usage.Should().Be(new AgentUsage(2100 + 1000 + 3400, 92 + 1200, 0.03m));
        await Task.CompletedTask;
    }
}
