using System.Globalization;
using System.Text.Json;
using Nightshift.Execution;
using Nightshift.Files;

namespace Nightshift.Agents.External.Output;

/// <summary>
/// Claude Code's <c>--output-format stream-json --verbose</c>: one JSON event per line. <c>assistant</c>
/// events carry the model's text and tool calls (one step per model message), <c>user</c> events the tool
/// results, and the closing <c>result</c> event the run's cost (<c>total_cost_usd</c>), token usage and
/// number of turns, which replace the running counts.
/// </summary>
internal sealed class ClaudeStreamJsonReader : IAgentOutputReader
{
    private readonly List<string> _messages = [];
    private readonly Dictionary<string, AgentUsage> _usageByMessage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _toolNames = new(StringComparer.Ordinal);
    private AgentUsage? _reported;
    private int? _turns;

    public AgentUsage Usage => _reported ?? _usageByMessage.Values.Aggregate(AgentUsage.None, (sum, usage) => sum.Add(usage));

    public int Steps => _turns ?? _messages.Count;

    public string? FinalMessage { get; private set; }

    public (AgentStopReason Reason, string Message)? ReportedStop { get; private set; }

    private int Step => Math.Max(_messages.Count, 1);

    public IReadOnlyList<TranscriptEntry> Read(OutputLine line)
    {
        if (line.Channel == OutputChannel.StandardError || JsonLines.TryParseObject(line.Text) is not { } json)
        {
            return [OutputText.Plain(Step, line)];
        }

        return json.Text("type") switch
        {
            "system" => [new TranscriptEntry(Step, "system", Describe(json))],
            "assistant" => Assistant(json),
            "user" => ToolResults(json),
            "result" => [Result(json)],
            _ => [OutputText.Plain(Step, line)],
        };
    }

    private List<TranscriptEntry> Assistant(JsonElement json)
    {
        var message = json.Child("message") ?? default;

        // Claude Code sends one event per content block, each with the same message id and usage.
        var id = message.Text("id") ?? $"#{_messages.Count + 1}";
        if (!_messages.Contains(id))
        {
            _messages.Add(id);
        }

        if (message.Child("usage") is { } usage)
        {
            _usageByMessage[id] = UsageOf(usage, cost: null);
        }

        var entries = new List<TranscriptEntry>();
        foreach (var block in message.Items("content"))
        {
            switch (block.Text("type"))
            {
                case "text" when block.Text("text") is { } text:
                    entries.Add(new TranscriptEntry(Step, "assistant", text));
                    break;
                case "thinking" when block.Text("thinking") is { Length: > 0 } thinking:
                    entries.Add(new TranscriptEntry(Step, "assistant", "(thinking) " + thinking));
                    break;
                case "tool_use":
                    var name = block.Text("name") ?? "tool";
                    if (block.Text("id") is { } callId)
                    {
                        _toolNames[callId] = name;
                    }

                    var arguments = block.Child("input")?.GetRawText() ?? "{}";
                    entries.Add(new TranscriptEntry(Step, "tool", $"call {name}", name, arguments));
                    break;
                default:
                    entries.Add(new TranscriptEntry(Step, "assistant", block.GetRawText()));
                    break;
            }
        }

        return entries;
    }

    private List<TranscriptEntry> ToolResults(JsonElement json)
    {
        var entries = new List<TranscriptEntry>();
        foreach (var block in (json.Child("message") ?? default).Items("content"))
        {
            if (block.Text("type") != "tool_result")
            {
                entries.Add(new TranscriptEntry(Step, "user", block.Text("text") ?? block.GetRawText()));
                continue;
            }

            var name = block.Text("tool_use_id") is { } id && _toolNames.TryGetValue(id, out var known) ? known : null;
            var content = block.Child("content") switch
            {
                { ValueKind: JsonValueKind.String } text => text.GetString()!,
                { ValueKind: JsonValueKind.Array } parts => string.Join('\n', parts.EnumerateArray().Select(p => p.Text("text") ?? p.GetRawText())),
                { } other => other.GetRawText(),
                null => "",
            };
            var error = block.TryGetProperty("is_error", out var isError) && isError.ValueKind == JsonValueKind.True;
            entries.Add(new TranscriptEntry(Step, "tool", OutputText.Bounded(error ? "error: " + content : content), name));
        }

        return entries;
    }

    private TranscriptEntry Result(JsonElement json)
    {
        var cost = json.Decimal("total_cost_usd");
        _reported = json.Child("usage") is { } usage ? UsageOf(usage, cost) : Usage with { CostUsd = cost };
        if (json.Child("num_turns") is { ValueKind: JsonValueKind.Number } turns && turns.TryGetInt32(out var count))
        {
            _turns = count;
        }

        FinalMessage = json.Text("result");
        var subtype = json.Text("subtype") ?? "result";
        var failed = json.TryGetProperty("is_error", out var isError) && isError.ValueKind == JsonValueKind.True;
        if (subtype == "error_max_turns")
        {
            ReportedStop = (AgentStopReason.StepLimit, "Claude Code stopped at its maximum number of turns.");
        }
        else if (failed || subtype.StartsWith("error", StringComparison.Ordinal))
        {
            ReportedStop = (AgentStopReason.Error, $"Claude Code reported {subtype}: {FinalMessage}");
        }

        return new TranscriptEntry(
            Step,
            "harness",
            string.Create(CultureInfo.InvariantCulture, $"{subtype}: {Steps} turn(s), {_reported.TotalTokens} tokens, ${cost ?? 0m}. {FinalMessage}").TrimEnd());
    }

    /// <summary>Input counts what was sent, whether fresh, written to or read from the prompt cache.</summary>
    private static AgentUsage UsageOf(JsonElement usage, decimal? cost) => new(
        usage.Long("input_tokens") + usage.Long("cache_creation_input_tokens") + usage.Long("cache_read_input_tokens"),
        usage.Long("output_tokens"),
        cost);

    private static string Describe(JsonElement json) =>
        json.Text("subtype") is { } subtype
            ? $"{subtype}: model {json.Text("model") ?? "?"}, {json.Text("cwd") ?? ""}".TrimEnd(' ', ',')
            : json.GetRawText();
}
