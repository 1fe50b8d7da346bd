using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Headers;
using System.Text.Json;
using Nightshift.Agents.Resilience;
using OpenAI;
using OpenAI.Chat;

namespace Nightshift.Agents.Providers;

/// <summary>
/// Any OpenAI-compatible chat completions endpoint (OpenAI, Ollama, vLLM, llama.cpp's server) through
/// the official OpenAI SDK, with function tools, streamed or not. The SDK sends through the provider's
/// resilient HttpClient with its own retries off.
/// </summary>
public sealed partial class OpenAIChatModel : IChatModel
{
    /// <summary>The SDK insists on a key; endpoints that need none ignore this one.</summary>
    private const string KeylessPlaceholder = "no-key";

    private readonly ChatModelOptions _options;
    private readonly Uri _endpoint;
    private readonly ProviderTransport _transport;
    private readonly ChatClient _client;

    public OpenAIChatModel(ChatModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _endpoint = options.BaseUrl ?? DefaultEndpoint;
        _transport = new ProviderTransport(ChatModels.OpenAI, _endpoint, options.Resilience, options.OnEvent);
        _client = new ChatClient(
            options.Model,
            new ApiKeyCredential(options.ApiKey ?? KeylessPlaceholder),
            new OpenAIClientOptions
            {
                Endpoint = _endpoint,
                Transport = new HttpClientPipelineTransport(_transport.Client),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                // Per-try timeouts would cut through the retry waits below; the attempt timeout lives there.
                NetworkTimeout = Timeout.InfiniteTimeSpan,
            });
    }

    public static Uri DefaultEndpoint { get; } = new("https://api.openai.com/v1");

    public string Provider => ChatModels.OpenAI;

    public string Model => _options.Model;

    public async Task<ModelReply> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = request.Messages.Select(ToChatMessage).ToList();
        var completionOptions = new ChatCompletionOptions { MaxOutputTokenCount = _options.MaxOutputTokens };
        foreach (var tool in request.Tools)
        {
            completionOptions.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.ParametersSchema)));
        }

        try
        {
            return _options.Streaming
                ? await StreamAsync(messages, completionOptions, request.OnProgress, cancellationToken).ConfigureAwait(false)
                : await CompleteOnceAsync(messages, completionOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            // The answer had begun (the handler saw its status) when the connection broke: nothing to retry there.
            throw new ProviderException(
                ProviderFailure.Unreachable,
                $"openai at {_endpoint} broke off its answer: {exception.Message}",
                innerException: exception);
        }
        catch (Exception exception) when (exception is ClientResultException or JsonException or InvalidOperationException or FormatException)
        {
            throw new ProviderException(
                ProviderFailure.BadResponse,
                $"openai at {_endpoint} sent an answer the SDK could not read: {exception.Message}",
                innerException: exception);
        }
    }

    public async Task<EndpointProbe> ProbeEndpointAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint.ToString().TrimEnd('/') + "/models"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey ?? KeylessPlaceholder);
        return await _transport.ProbeAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _transport.Dispose();

    private async Task<ModelReply> CompleteOnceAsync(
        List<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken)
    {
        ChatCompletion completion = await _client.CompleteChatAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var text = string.Concat(completion.Content.Select(part => part.Text));
        var calls = completion.ToolCalls
            .Select(call => new ToolCall(call.Id, call.FunctionName, call.FunctionArguments?.ToString() ?? "{}"))
            .ToList();
        return new ModelReply(
            text,
            calls,
            completion.Usage?.InputTokenCount ?? 0,
            completion.Usage?.OutputTokenCount ?? 0,
            WireName(completion.FinishReason));
    }

    private static ChatMessage ToChatMessage(ModelMessage message) => message switch
    {
        SystemMessage system => new SystemChatMessage(system.Text),
        UserMessage user => new UserChatMessage(user.Text),
        AssistantMessage { ToolCalls.Count: 0 } assistant => new AssistantChatMessage(assistant.Text),
        AssistantMessage assistant => WithText(
            new AssistantChatMessage(assistant.ToolCalls.Select(call =>
                ChatToolCall.CreateFunctionToolCall(call.Id, call.Name, BinaryData.FromString(call.ArgumentsJson)))),
            assistant.Text),
        ToolResultMessage result => new ToolChatMessage(result.CallId, result.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message, "Unknown message kind."),
    };

    private static AssistantChatMessage WithText(AssistantChatMessage message, string text)
    {
        if (text.Length > 0)
        {
            message.Content.Add(ChatMessageContentPart.CreateTextPart(text));
        }

        return message;
    }

    /// <summary>The finish reason as the wire spells it, which is what people know from logs.</summary>
    private static string WireName(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString(),
    };
}
