using Anthropic;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Providers;

/// <summary>
/// Anthropic's Messages API (or a compatible endpoint) as an <see cref="IChatClient"/>, through the Anthropic SDK's
/// message service: tools as <c>tool_use</c> / <c>tool_result</c> content blocks, the system prompt as one string,
/// streamed or not. Ours rather than the SDK's own <c>AsIChatClient</c>, which sends the system prompt as a list of
/// blocks, drops an empty assistant turn, rewrites the tools' schemas and ignores a tool input given whole at the start
/// of a stream; the wire format here is the one the specs pin down.
/// </summary>
internal sealed partial class AnthropicChatClient(AnthropicClient client, string model) : IChatClient
{
    /// <summary>Anthropic requires a reply length limit; this one applies when the options set none.</summary>
    public const int DefaultMaxOutputTokens = 8192;

    private readonly ChatClientMetadata _metadata = new(ChatClients.Anthropic, defaultModelId: model);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var message = await client.Messages.Create(ToParameters(messages, options), cancellationToken).ConfigureAwait(false);
        var contents = new List<AIContent>();
        foreach (var block in message.Content)
        {
            if (block.TryPickText(out var text))
            {
                contents.Add(new TextContent(text.Text));
            }
            else if (block.TryPickToolUse(out var toolUse))
            {
                contents.Add(new FunctionCallContent(toolUse.ID, toolUse.Name, toolUse.Input.ToDictionary(pair => pair.Key, pair => (object?)pair.Value)));
            }
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            ResponseId = message.ID,
            ModelId = model,
            FinishReason = FinishReason(message.StopReason?.Raw()),
            Usage = ToUsage(message.Usage.InputTokens, message.Usage.CacheCreationInputTokens, message.Usage.CacheReadInputTokens, message.Usage.OutputTokens),
            RawRepresentation = message,
        };
    }

    public object? GetService(System.Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => client.Dispose();

    private MessageCreateParams ToParameters(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var conversation = messages.ToList();
        var system = string.Join("\n\n", conversation.Where(message => message.Role == ChatRole.System).Select(message => message.Text));
        var parameters = new MessageCreateParams
        {
            Model = options?.ModelId ?? model,
            MaxTokens = options?.MaxOutputTokens ?? DefaultMaxOutputTokens,
            Messages = ToMessages(conversation),
            Tools = [.. (options?.Tools ?? []).OfType<AIFunctionDeclaration>().Select(tool => (ToolUnion)new Tool
            {
                Name = tool.Name,
                Description = tool.Description,
                InputSchema = InputSchema.FromRawUnchecked(ParseObject(tool.JsonSchema.GetRawText())),
            })],
        };
        return system.Length == 0 ? parameters : parameters with { System = system };
    }

    /// <summary>The stop reason in Microsoft.Extensions.AI's words where there is one, else in Anthropic's.</summary>
    private static ChatFinishReason? FinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "max_tokens" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "refusal" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(stopReason),
    };

    /// <summary>Cached prompt tokens are prompt tokens too, for the budget and the cost.</summary>
    private static UsageDetails ToUsage(long inputTokens, long? cacheCreationTokens, long? cacheReadTokens, long outputTokens)
    {
        var input = inputTokens + (cacheCreationTokens ?? 0) + (cacheReadTokens ?? 0);
        return new UsageDetails
        {
            InputTokenCount = input,
            CachedInputTokenCount = cacheReadTokens,
            OutputTokenCount = outputTokens,
            TotalTokenCount = input + outputTokens,
        };
    }
}
