using System.Text.Json;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>Answers in the OpenAI chat completions wire format: a JSON body, or SSE chunks with tool_call deltas.</summary>
internal static class OpenAIWire
{
    /// <summary>Stands for <c>\ud800</c> in what <see cref="WithLoneSurrogates"/> rewrites; a serializer would not write a lone surrogate.</summary>
    public const string LoneSurrogate = "@@D800@@";

    public static LoopbackResponse ToolCall(bool stream, string callId, string tool, object arguments, int promptTokens, int completionTokens) =>
        ToolCallJson(stream, callId, tool, JsonSerializer.Serialize(arguments), promptTokens, completionTokens);

    /// <summary>A tool call whose arguments are exactly <paramref name="argumentsJson"/>, valid JSON or not.</summary>
    public static LoopbackResponse ToolCallJson(bool stream, string callId, string tool, string argumentsJson, int promptTokens, int completionTokens) =>
        stream
            ? LoopbackResponse.Stream(StreamedToolCall(callId, tool, argumentsJson, promptTokens, completionTokens))
            : LoopbackResponse.Json(JsonSerializer.Serialize(new
            {
                id = "chatcmpl-" + callId,
                @object = "chat.completion",
                created = 1_700_000_000,
                model = "test-model",
                choices = new[]
                {
                    new
                    {
                        index = 0,
                        message = new
                        {
                            role = "assistant",
                            content = (string?)null,
                            tool_calls = new[] { new { id = callId, type = "function", function = new { name = tool, arguments = argumentsJson } } },
                        },
                        finish_reason = "tool_calls",
                    },
                },
                usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
            }));

    /// <summary>The response with every <see cref="LoneSurrogate"/> written as the JSON escape <c>\ud800</c>, as a model may send it.</summary>
    public static LoopbackResponse WithLoneSurrogates(LoopbackResponse response) => response with
    {
        Body = response.Body.Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal),
        Events = response.Events?.Select(e => e.Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal)).ToList(),
    };

    public static LoopbackResponse Error(int status, string message, params (string Name, string Value)[] headers) =>
        LoopbackResponse.Error(status, JsonSerializer.Serialize(new { error = new { message, type = "server_error", code = (string?)null } }), headers);

    /// <summary>
    /// What a streaming server sends: a first chunk with the call's id, name and no arguments, the arguments
    /// in fragments, a chunk with the finish reason, the usage chunk (no choices), and [DONE].
    /// </summary>
    private static IEnumerable<string> StreamedToolCall(string callId, string tool, string arguments, int promptTokens, int completionTokens)
    {
        var cut = arguments.Length / 2;
        yield return Chunk(new { role = "assistant", tool_calls = new object[] { new { index = 0, id = callId, type = "function", function = new { name = tool, arguments = "" } } } }, null);
        yield return Chunk(new { tool_calls = new object[] { new { index = 0, function = new { arguments = arguments[..cut] } } } }, null);
        yield return Chunk(new { tool_calls = new object[] { new { index = 0, function = new { arguments = arguments[cut..] } } } }, null);
        yield return Chunk(new { }, "tool_calls");
        yield return Data(new
        {
            id = "chatcmpl-" + callId,
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = "test-model",
            choices = Array.Empty<object>(),
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        });
        yield return "data: [DONE]\n\n";

        string Chunk(object delta, string? finishReason) => Data(new
        {
            id = "chatcmpl-" + callId,
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = "test-model",
            choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        });
    }

    private static string Data(object chunk) => $"data: {JsonSerializer.Serialize(chunk)}\n\n";
}
