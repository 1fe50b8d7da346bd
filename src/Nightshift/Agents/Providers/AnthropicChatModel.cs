using System.Net.Http.Headers;
using System.Text.Json;
using Anthropic;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Nightshift.Agents.Resilience;

namespace Nightshift.Agents.Providers;

/// <summary>
/// Anthropic's Messages API (or a compatible endpoint) through the official Anthropic SDK: tools as
/// <c>tool_use</c> / <c>tool_result</c> content blocks, streamed or not. The SDK sends through the
/// provider's resilient HttpClient with its own retries off.
/// </summary>
public sealed partial class AnthropicChatModel : IChatModel
{
    /// <summary>The API version the probe sends; the SDK sends its own with every query.</summary>
    private const string ApiVersion = "2023-06-01";

    private readonly ChatModelOptions _options;
    private readonly Uri _endpoint;
    private readonly ProviderTransport _transport;
    private readonly AnthropicClient _client;

    public AnthropicChatModel(ChatModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _endpoint = options.BaseUrl ?? DefaultEndpoint;
        _transport = new ProviderTransport(ChatModels.Anthropic, _endpoint, options.Resilience, options.OnEvent);
        _client = new AnthropicClient(new ClientOptions
        {
            // Null means no key at all; it also keeps the SDK from reading ANTHROPIC_API_KEY behind the configuration's back.
            ApiKey = options.ApiKey,
            BaseUrl = _endpoint.ToString().TrimEnd('/'),
            HttpClient = _transport.Client,
            MaxRetries = 0,
            // The SDK's timeout spans the whole call, retry and usage-limit waits included, which the handler
            // bounds; the agent's wall-time and idle budgets bound it further.
            Timeout = TimeSpan.FromDays(1),
        });
    }

    public static Uri DefaultEndpoint { get; } = new("https://api.anthropic.com");

    public string Provider => ChatModels.Anthropic;

    public string Model => _options.Model;

    public async Task<ModelReply> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = ToParameters(request);
        try
        {
            return _options.Streaming
                ? await StreamAsync(parameters, request.OnProgress, cancellationToken).ConfigureAwait(false)
                : ToReply(await _client.Messages.Create(parameters, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is AnthropicException or JsonException or InvalidOperationException)
        {
            throw new ProviderException(
                ProviderFailure.BadResponse,
                $"anthropic at {_endpoint} sent an answer the SDK could not read: {exception.Message}",
                innerException: exception);
        }
    }

    public async Task<EndpointProbe> ProbeEndpointAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint, "v1/models"));
        if (_options.ApiKey is { } key)
        {
            // The same credential header the SDK sends with its queries.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        request.Headers.Add("anthropic-version", ApiVersion);
        return await _transport.ProbeAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _client.Dispose();
        _transport.Dispose();
    }

    private MessageCreateParams ToParameters(ModelRequest request)
    {
        var system = string.Join("\n\n", request.Messages.OfType<SystemMessage>().Select(message => message.Text));
        var parameters = new MessageCreateParams
        {
            Model = _options.Model,
            MaxTokens = _options.MaxOutputTokens ?? ChatModelOptions.DefaultMaxOutputTokens,
            Messages = ToMessages(request.Messages),
            Tools = [.. request.Tools.Select(tool => (ToolUnion)new Tool
            {
                Name = tool.Name,
                Description = tool.Description,
                InputSchema = InputSchema.FromRawUnchecked(ParseObject(tool.ParametersSchema)),
            })],
        };
        return system.Length == 0 ? parameters : parameters with { System = system };
    }

    /// <summary>
    /// The Messages API alternates user and assistant turns, and all results of one assistant turn go back
    /// in one user message, so consecutive blocks of the same role are merged into one message.
    /// </summary>
    private static List<MessageParam> ToMessages(IReadOnlyList<ModelMessage> messages)
    {
        var result = new List<MessageParam>();
        var blocks = new List<ContentBlockParam>();
        var blocksAreUser = true;

        void Flush()
        {
            if (blocks.Count > 0)
            {
                result.Add(blocksAreUser ? new UserMessageParam(blocks.ToList()) : new AssistantMessageParam(blocks.ToList()));
                blocks.Clear();
            }
        }

        void Add(bool isUser, ContentBlockParam block)
        {
            if (isUser != blocksAreUser)
            {
                Flush();
                blocksAreUser = isUser;
            }

            blocks.Add(block);
        }

        foreach (var message in messages)
        {
            switch (message)
            {
                case UserMessage user:
                    Add(isUser: true, new TextBlockParam(user.Text));
                    break;
                case ToolResultMessage toolResult:
                    Add(isUser: true, new ToolResultBlockParam(toolResult.CallId) { Content = toolResult.Text, IsError = toolResult.IsError });
                    break;
                case AssistantMessage assistant:
                    // An assistant turn needs some content; a reply that was all silence is sent back as such.
                    if (assistant.Text.Length > 0 || assistant.ToolCalls.Count == 0)
                    {
                        Add(isUser: false, new TextBlockParam(assistant.Text.Length > 0 ? assistant.Text : "(no reply)"));
                    }

                    foreach (var call in assistant.ToolCalls)
                    {
                        Add(isUser: false, new ToolUseBlockParam { ID = call.Id, Name = call.Name, Input = ParseObject(call.ArgumentsJson) });
                    }

                    break;
            }
        }

        Flush();
        return result;
    }

    private static ModelReply ToReply(Message message)
    {
        var text = new List<string>();
        var calls = new List<ToolCall>();
        foreach (var block in message.Content)
        {
            if (block.TryPickText(out var textBlock))
            {
                text.Add(textBlock.Text);
            }
            else if (block.TryPickToolUse(out var toolUse))
            {
                calls.Add(new ToolCall(toolUse.ID, toolUse.Name, JsonSerializer.Serialize(toolUse.Input)));
            }
        }

        return new ModelReply(string.Concat(text), calls, InputTokens(message.Usage), message.Usage.OutputTokens, message.StopReason?.Raw());
    }

    /// <summary>Cached prompt tokens are prompt tokens too, for the budget and the cost.</summary>
    private static long InputTokens(Usage usage) =>
        usage.InputTokens + (usage.CacheCreationInputTokens ?? 0) + (usage.CacheReadInputTokens ?? 0);

    /// <summary>A JSON object as the SDK's dictionaries hold it; anything else (a model's broken arguments) as an empty one.</summary>
    private static Dictionary<string, JsonElement> ParseObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.Length == 0 ? "{}" : json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.Clone())
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
