using System.Globalization;
using System.Text.Json;
using Nightshift.Execution;
using Nightshift.Files;

namespace Nightshift.Agents.External.Output;

/// <summary>
/// Codex's <c>exec --json</c>: JSONL thread events. Each completed item (a message, a command, a file change)
/// is a step; <c>turn.completed</c> carries the turn's token usage (cached input is part of the input count);
/// Codex reports no cost. <c>turn.failed</c> and <c>error</c> events are the run's failure.
/// </summary>
internal sealed class CodexJsonReader : IAgentOutputReader
{
    private int _items;

    public AgentUsage Usage { get; private set; } = AgentUsage.None;

    public int Steps => Math.Max(_items, 1);

    public string? FinalMessage { get; private set; }

    public (AgentStopReason Reason, string Message)? ReportedStop { get; private set; }

    private int Step => _items + 1;

    public IReadOnlyList<TranscriptEntry> Read(OutputLine line)
    {
        if (line.Channel == OutputChannel.StandardError || JsonLines.TryParseObject(line.Text) is not { } json)
        {
            return [OutputText.Plain(Step, line)];
        }

        switch (json.Text("type"))
        {
            case "thread.started":
                return [new TranscriptEntry(Step, "system", $"thread {json.Text("thread_id")}")];
            case "turn.started" or "item.started" or "item.updated":
                // The completed item says everything the started one did, and more.
                return [];
            case "item.completed" when json.Child("item") is { } item:
                _items++;
                return [Item(item)];
            case "turn.completed":
                var usage = json.Child("usage") ?? default;
                Usage = Usage.Add(new AgentUsage(usage.Long("input_tokens"), usage.Long("output_tokens"), null));
                return [new TranscriptEntry(Step, "harness", string.Create(CultureInfo.InvariantCulture, $"turn completed: {Usage.TotalTokens} tokens so far"))];
            case "turn.failed" or "error":
                var message = (json.Child("error") ?? json).Text("message") ?? json.GetRawText();
                ReportedStop = (AgentStopReason.Error, $"Codex reported: {message}");
                return [new TranscriptEntry(Step, "harness", $"{json.Text("type")}: {message}")];
            default:
                return [OutputText.Plain(Step, line)];
        }
    }

    private TranscriptEntry Item(JsonElement item)
    {
        switch (item.Text("type") ?? item.Text("item_type"))
        {
            case "agent_message":
                FinalMessage = item.Text("text");
                return new TranscriptEntry(_items, "assistant", FinalMessage ?? "");
            case "reasoning":
                return new TranscriptEntry(_items, "assistant", "(reasoning) " + item.Text("text"));
            case "command_execution":
                var command = item.Text("command") ?? "";
                var exit = item.Child("exit_code") is { ValueKind: JsonValueKind.Number } code ? code.GetRawText() : "?";
                return new TranscriptEntry(
                    _items, "tool", OutputText.Bounded($"exit {exit}\n{item.Text("aggregated_output")}"), "shell", JsonSerializer.Serialize(new { command }));
            case "file_change":
                var changes = item.Items("changes").Select(c => $"{c.Text("kind")} {c.Text("path")}");
                return new TranscriptEntry(_items, "tool", string.Join('\n', changes), "apply_patch", item.Child("changes")?.GetRawText());
            case "mcp_tool_call":
                return new TranscriptEntry(_items, "tool", $"{item.Text("server")}/{item.Text("tool")} {item.Text("status")}", item.Text("tool"), item.Child("arguments")?.GetRawText());
            case "error":
                return new TranscriptEntry(_items, "harness", "error: " + item.Text("message"));
            default:
                return new TranscriptEntry(_items, "assistant", item.GetRawText());
        }
    }
}
