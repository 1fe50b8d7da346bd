using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Headers;
using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using Nightshift.Agents.BuiltIn;
using Nightshift.Agents.Resilience;
using OpenAI;

namespace Nightshift.Agents.Providers;

/// <summary>
/// Creates the chat client of a configured provider: the OpenAI SDK's through Microsoft.Extensions.AI.OpenAI for
/// any OpenAI-compatible endpoint, and ours (<see cref="AnthropicChatClient"/>) over the Anthropic SDK for Anthropic.
/// Both send through the provider's resilient HttpClient with the SDK's own retries off.
/// </summary>
public static class ChatClients
{
    public const string OpenAI = "openai";
    public const string Anthropic = "anthropic";

    /// <summary>The SDK insists on a key; endpoints that need none ignore this one.</summary>
    private const string KeylessPlaceholder = "no-key";

    /// <summary>The API version the probe sends; the SDK sends its own with every query.</summary>
    private const string AnthropicApiVersion = "2023-06-01";

    public static Uri OpenAIEndpoint { get; } = new("https://api.openai.com/v1");

    public static Uri AnthropicEndpoint { get; } = new("https://api.anthropic.com");

    /// <exception cref="AgentConfigurationException">The provider is not one of openai, anthropic.</exception>
    public static EndpointChatClient Create(ChatClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = Validate(options.Provider);
        var endpoint = options.BaseUrl ?? (provider == OpenAI ? OpenAIEndpoint : AnthropicEndpoint);
        var transport = new ProviderTransport(provider, endpoint, options.Resilience, options.OnEvent);
        var metadata = new ChatClientMetadata(provider, endpoint, options.Model);
        return provider == OpenAI
            ? new EndpointChatClient(OpenAIClient(options, endpoint, transport), transport, metadata, () => OpenAIProbe(endpoint, options.ApiKey))
            : new EndpointChatClient(AnthropicClient(options, endpoint, transport), transport, metadata, () => AnthropicProbe(endpoint, options.ApiKey));
    }

    /// <summary>The provider's canonical (lower-case) name.</summary>
    /// <exception cref="AgentConfigurationException">The provider is not one of openai, anthropic.</exception>
    public static string Validate(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.ToLowerInvariant() switch
        {
            OpenAI => OpenAI,
            Anthropic => Anthropic,
            _ => throw new AgentConfigurationException(
                $"agent.provider '{provider}' is not a model provider the built-in agent speaks: use openai (any OpenAI-compatible endpoint) or anthropic."),
        };
    }

    private static IChatClient OpenAIClient(ChatClientOptions options, Uri endpoint, ProviderTransport transport) =>
        new OpenAI.Chat.ChatClient(
            options.Model,
            new ApiKeyCredential(options.ApiKey ?? KeylessPlaceholder),
            new OpenAIClientOptions
            {
                Endpoint = endpoint,
                Transport = new HttpClientPipelineTransport(transport.Client),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                // Per-try timeouts would cut through the retry waits below; the attempt timeout lives there.
                NetworkTimeout = Timeout.InfiniteTimeSpan,
            }).AsIChatClient();

    private static AnthropicChatClient AnthropicClient(ChatClientOptions options, Uri endpoint, ProviderTransport transport) =>
        new(
            new AnthropicClient(new ClientOptions
            {
                // Null means no key at all; it also keeps the SDK from reading ANTHROPIC_API_KEY behind the configuration's back.
                ApiKey = options.ApiKey,
                BaseUrl = endpoint.ToString().TrimEnd('/'),
                HttpClient = transport.Client,
                MaxRetries = 0,
                // The SDK's timeout spans the whole call, retry and usage-limit waits included, which the handler
                // bounds; the agent's wall-time and idle budgets bound it further.
                Timeout = TimeSpan.FromDays(1),
            }),
            options.Model);

    private static HttpRequestMessage OpenAIProbe(Uri endpoint, string? apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint.ToString().TrimEnd('/') + "/models"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey ?? KeylessPlaceholder);
        return request;
    }

    private static HttpRequestMessage AnthropicProbe(Uri endpoint, string? apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, "v1/models"));
        if (apiKey is { } key)
        {
            // The same credential header the SDK sends with its queries.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        request.Headers.Add("anthropic-version", AnthropicApiVersion);
        return request;
    }
}
