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
        catch (IOException exception)
        {
            // The answer had begun (the handler saw its status) when the connection broke: nothing to retry there.
            throw new ProviderException(
                ProviderFailure.Unreachable,
                $"anthropic at {_endpoint} broke off its answer: {exception.Message}",
                innerException: exception);
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
}
