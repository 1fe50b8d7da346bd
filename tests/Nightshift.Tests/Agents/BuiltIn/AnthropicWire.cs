using System.Text.Json;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>Answers in the Anthropic Messages wire format: a JSON message, or the named SSE events of a stream.</summary>
internal static class AnthropicWire
{
    public static LoopbackResponse ToolUse(bool stream, string id, string tool, object input, int inputTokens, int outputTokens, string text = "") =>
        stream
            ? LoopbackResponse.Stream(StreamedToolUse(id, tool, JsonSerializer.Serialize(input), inputTokens, outputTokens, text))
            : LoopbackResponse.Json(Message(
                id,
                [.. text.Length > 0 ? [new { type = "text", text }] : Array.Empty<object>(), new { type = "tool_use", id, name = tool, input }],
                "tool_use",
                inputTokens,
                outputTokens));

    public static LoopbackResponse Text(bool stream, string id, string text, int inputTokens, int outputTokens) =>
        stream
            ? LoopbackResponse.Stream(StreamedText(id, text, inputTokens, outputTokens))
            : LoopbackResponse.Json(Message(id, [new { type = "text", text }], "end_turn", inputTokens, outputTokens));

    public static LoopbackResponse Error(int status, string type, string message, params (string Name, string Value)[] headers) =>
        LoopbackResponse.Error(status, JsonSerializer.Serialize(new { type = "error", error = new { type, message } }), headers);

    private static string Message(string id, object[] content, string stopReason, int inputTokens, int outputTokens) =>
        JsonSerializer.Serialize(new
        {
            id = "msg_" + id,
            type = "message",
            role = "assistant",
            model = "claude-test",
            content,
            stop_reason = stopReason,
            stop_sequence = (string?)null,
            usage = new { input_tokens = inputTokens, output_tokens = outputTokens },
        });

    private static IEnumerable<string> StreamedToolUse(string id, string tool, string input, int inputTokens, int outputTokens, string text)
    {
        yield return MessageStart(id, inputTokens);
        var index = 0;
        if (text.Length > 0)
        {
            yield return Event("content_block_start", new { type = "content_block_start", index, content_block = new { type = "text", text = "" } });
            yield return Event("content_block_delta", new { type = "content_block_delta", index, delta = new { type = "text_delta", text } });
            yield return Event("content_block_stop", new { type = "content_block_stop", index });
            index++;
        }

        var cut = input.Length / 2;
        yield return Event("content_block_start", new { type = "content_block_start", index, content_block = new { type = "tool_use", id, name = tool, input = new { } } });
        yield return Event("content_block_delta", new { type = "content_block_delta", index, delta = new { type = "input_json_delta", partial_json = input[..cut] } });
        yield return Event("content_block_delta", new { type = "content_block_delta", index, delta = new { type = "input_json_delta", partial_json = input[cut..] } });
        yield return Event("content_block_stop", new { type = "content_block_stop", index });
        yield return MessageDelta("tool_use", outputTokens);
        yield return Event("message_stop", new { type = "message_stop" });
    }

    private static IEnumerable<string> StreamedText(string id, string text, int inputTokens, int outputTokens)
    {
        yield return MessageStart(id, inputTokens);
        yield return Event("content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } });
        yield return Event("ping", new { type = "ping" });
        yield return Event("content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text } });
        yield return Event("content_block_stop", new { type = "content_block_stop", index = 0 });
        yield return MessageDelta("end_turn", outputTokens);
        yield return Event("message_stop", new { type = "message_stop" });
    }

    private static string MessageStart(string id, int inputTokens) => Event("message_start", new
    {
        type = "message_start",
        message = new
        {
            id = "msg_" + id,
            type = "message",
            role = "assistant",
            model = "claude-test",
            content = Array.Empty<object>(),
            stop_reason = (string?)null,
            stop_sequence = (string?)null,
            usage = new { input_tokens = inputTokens, output_tokens = 1 },
        },
    });

    private static string MessageDelta(string stopReason, int outputTokens) => Event("message_delta", new
    {
        type = "message_delta",
        delta = new { stop_reason = stopReason, stop_sequence = (string?)null },
        usage = new { output_tokens = outputTokens },
    });

    private static string Event(string name, object data) => $"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n";
}
