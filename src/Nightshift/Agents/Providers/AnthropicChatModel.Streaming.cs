using System.Text;
using System.Text.Json;
using Anthropic.Models.Messages;

namespace Nightshift.Agents.Providers;

public sealed partial class AnthropicChatModel
{
    /// <summary>
    /// Reads a streamed answer into one reply: <c>message_start</c> carries the input tokens,
    /// <c>content_block_start</c> opens a text or <c>tool_use</c> block, <c>content_block_delta</c> adds
    /// text or <c>partial_json</c> to the block at its index, and <c>message_delta</c> carries the stop
    /// reason and the output tokens so far.
    /// </summary>
    private async Task<ModelReply> StreamAsync(MessageCreateParams parameters, Action? onProgress, CancellationToken cancellationToken)
    {
        var blocks = new SortedDictionary<long, StreamedBlock>();
        long inputTokens = 0;
        long outputTokens = 0;
        string? stopReason = null;
        await foreach (var streamEvent in _client.Messages.CreateStreaming(parameters, cancellationToken).ConfigureAwait(false))
        {
            onProgress?.Invoke();
            if (streamEvent.TryPickStart(out var start))
            {
                inputTokens = InputTokens(start.Message.Usage);
                outputTokens = start.Message.Usage.OutputTokens;
            }
            else if (streamEvent.TryPickContentBlockStart(out var blockStart))
            {
                blocks[blockStart.Index] = blockStart.ContentBlock.TryPickToolUse(out var toolUse)
                    ? new StreamedBlock(toolUse.ID, toolUse.Name, JsonSerializer.Serialize(toolUse.Input))
                    : new StreamedBlock(null, null, null);
                if (blockStart.ContentBlock.TryPickText(out var text))
                {
                    blocks[blockStart.Index].Content.Append(text.Text);
                }
            }
            else if (streamEvent.TryPickContentBlockDelta(out var delta) && blocks.TryGetValue(delta.Index, out var block))
            {
                if (delta.Delta.TryPickText(out var textDelta))
                {
                    block.Content.Append(textDelta.Text);
                }
                else if (delta.Delta.TryPickInputJson(out var jsonDelta))
                {
                    block.Content.Append(jsonDelta.PartialJson);
                }
            }
            else if (streamEvent.TryPickDelta(out var messageDelta))
            {
                stopReason = messageDelta.Delta.StopReason?.Raw() ?? stopReason;
                outputTokens = messageDelta.Usage.OutputTokens;
                inputTokens = messageDelta.Usage.InputTokens is { } input ? input : inputTokens;
            }
        }

        var replyText = string.Concat(blocks.Values.Where(block => !block.IsToolUse).Select(block => block.Content.ToString()));
        var calls = blocks.Values
            .Where(block => block.IsToolUse)
            .Select(block => new ToolCall(block.ToolUseId!, block.ToolName!, block.Content.Length == 0 ? block.StartInput! : block.Content.ToString()))
            .ToList();
        return new ModelReply(replyText, calls, inputTokens, outputTokens, stopReason);
    }

    /// <summary>One content block as it streams in. A tool_use block's input arrives as partial_json
    /// deltas after an empty <c>{}</c> at the start; a server that sends it whole at the start is read too.</summary>
    private sealed class StreamedBlock(string? toolUseId, string? toolName, string? startInput)
    {
        public string? StartInput { get; } = startInput;

        public string? ToolUseId { get; } = toolUseId;

        public string? ToolName { get; } = toolName;

        public bool IsToolUse => ToolUseId is not null;

        /// <summary>The text of a text block, or the JSON arguments of a tool_use block.</summary>
        public StringBuilder Content { get; } = new();
    }
}
