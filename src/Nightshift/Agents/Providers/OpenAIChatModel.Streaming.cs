using System.Globalization;
using System.Text;
using OpenAI.Chat;

namespace Nightshift.Agents.Providers;

public sealed partial class OpenAIChatModel
{
    /// <summary>
    /// Reads a streamed answer (server-sent events) into one reply: text deltas are concatenated, tool
    /// calls are assembled by index from their id, name and argument fragments, and the usage comes in
    /// the last chunk (the SDK asks for it with <c>stream_options.include_usage</c>).
    /// </summary>
    private async Task<ModelReply> StreamAsync(
        List<ChatMessage> messages, ChatCompletionOptions options, Action? onProgress, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var calls = new SortedDictionary<int, PartialCall>();
        ChatTokenUsage? usage = null;
        ChatFinishReason? finishReason = null;
        await foreach (var update in _client.CompleteChatStreamingAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            onProgress?.Invoke();
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            foreach (var fragment in update.ToolCallUpdates)
            {
                if (!calls.TryGetValue(fragment.Index, out var call))
                {
                    calls[fragment.Index] = call = new PartialCall();
                }

                call.Id ??= fragment.ToolCallId;
                call.Name ??= fragment.FunctionName;
                if (fragment.FunctionArgumentsUpdate is { IsEmpty: false } arguments)
                {
                    call.Arguments.Append(arguments.ToString());
                }
            }

            usage = update.Usage ?? usage;
            finishReason = update.FinishReason ?? finishReason;
        }

        var toolCalls = calls
            .Select(pair => new ToolCall(
                pair.Value.Id ?? string.Create(CultureInfo.InvariantCulture, $"call_{pair.Key}"),
                pair.Value.Name ?? "",
                pair.Value.Arguments.Length == 0 ? "{}" : pair.Value.Arguments.ToString()))
            .ToList();
        return new ModelReply(
            text.ToString(),
            toolCalls,
            usage?.InputTokenCount ?? 0,
            usage?.OutputTokenCount ?? 0,
            finishReason is { } reason ? WireName(reason) : null);
    }

    private sealed class PartialCall
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public StringBuilder Arguments { get; } = new();
    }
}
