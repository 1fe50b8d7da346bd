using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Providers;

internal sealed partial class AnthropicChatClient
{
    /// <summary>
    /// Reads a streamed answer: <c>message_start</c> carries the input tokens, <c>content_block_start</c> opens a
    /// text or <c>tool_use</c> block, <c>content_block_delta</c> adds text (passed on at once) or <c>partial_json</c>
    /// to the block at its index, and <c>message_delta</c> carries the stop reason and the output tokens so far. Every
    /// event is passed on as an update, so a caller's idle limit measures silence; the tool calls and the usage
    /// follow in the last one.
    /// </summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var toolUses = new SortedDictionary<long, StreamedToolUse>();
        long inputTokens = 0;
        long? cacheCreationTokens = null;
        long? cacheReadTokens = null;
        long outputTokens = 0;
        string? stopReason = null;
        await foreach (var streamEvent in client.Messages.CreateStreaming(ToParameters(messages, options), cancellationToken).ConfigureAwait(false))
        {
            var update = new ChatResponseUpdate { Role = ChatRole.Assistant, ModelId = model, RawRepresentation = streamEvent };
            if (streamEvent.TryPickStart(out var start))
            {
                inputTokens = start.Message.Usage.InputTokens;
                cacheCreationTokens = start.Message.Usage.CacheCreationInputTokens;
                cacheReadTokens = start.Message.Usage.CacheReadInputTokens;
                outputTokens = start.Message.Usage.OutputTokens;
            }
            else if (streamEvent.TryPickContentBlockStart(out var blockStart))
            {
                if (blockStart.ContentBlock.TryPickToolUse(out var toolUse))
                {
                    toolUses[blockStart.Index] = new StreamedToolUse(toolUse.ID, toolUse.Name, toolUse.Input);
                }
                else if (blockStart.ContentBlock.TryPickText(out var text) && text.Text.Length > 0)
                {
                    update.Contents.Add(new TextContent(text.Text));
                }
            }
            else if (streamEvent.TryPickContentBlockDelta(out var delta))
            {
                if (delta.Delta.TryPickText(out var textDelta))
                {
                    update.Contents.Add(new TextContent(textDelta.Text));
                }
                else if (delta.Delta.TryPickInputJson(out var jsonDelta) && toolUses.TryGetValue(delta.Index, out var toolUse))
                {
                    toolUse.Arguments.Append(jsonDelta.PartialJson);
                }
            }
            else if (streamEvent.TryPickDelta(out var messageDelta))
            {
                stopReason = messageDelta.Delta.StopReason?.Raw() ?? stopReason;
                outputTokens = messageDelta.Usage.OutputTokens;
                inputTokens = messageDelta.Usage.InputTokens ?? inputTokens;
                cacheCreationTokens = messageDelta.Usage.CacheCreationInputTokens ?? cacheCreationTokens;
                cacheReadTokens = messageDelta.Usage.CacheReadInputTokens ?? cacheReadTokens;
            }

            yield return update;
        }

        var last = new ChatResponseUpdate { Role = ChatRole.Assistant, ModelId = model, FinishReason = FinishReason(stopReason) };
        foreach (var toolUse in toolUses.Values)
        {
            last.Contents.Add(toolUse.ToCall());
        }

        last.Contents.Add(new UsageContent(ToUsage(inputTokens, cacheCreationTokens, cacheReadTokens, outputTokens)));
        yield return last;
    }

    /// <summary>A tool_use block as it streams in. Its input arrives as partial_json deltas after an empty <c>{}</c>
    /// at the start; a server that sends it whole at the start is read too.</summary>
    private sealed class StreamedToolUse(string id, string name, IReadOnlyDictionary<string, System.Text.Json.JsonElement> startInput)
    {
        public StringBuilder Arguments { get; } = new();

        public FunctionCallContent ToCall() => Arguments.Length == 0
            ? new FunctionCallContent(id, name, startInput.ToDictionary(pair => pair.Key, pair => (object?)pair.Value))
            : ToolCallJson.Parse(id, name, Arguments.ToString());
    }
}
