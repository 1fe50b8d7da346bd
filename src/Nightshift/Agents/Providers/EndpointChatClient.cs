using System.ClientModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Anthropic.Exceptions;
using Microsoft.Extensions.AI;
using Nightshift.Agents.Resilience;

namespace Nightshift.Agents.Providers;

/// <summary>
/// A configured provider's chat client (<see cref="ChatClients.Create"/>): the provider's <see cref="IChatClient"/>
/// sending through the provider's one resilient HttpClient (Nightshift's retries, circuit breaker and lone-surrogate
/// repair; the SDKs' own retries are off), every failure left as a <see cref="ProviderException"/>, and a probe that
/// asks the endpoint whether it is up from outside the retries and the circuit.
/// </summary>
public sealed class EndpointChatClient : DelegatingChatClient
{
    private readonly ProviderTransport _transport;
    private readonly ChatClientMetadata _metadata;
    private readonly Func<HttpRequestMessage> _probeRequest;

    internal EndpointChatClient(IChatClient inner, ProviderTransport transport, ChatClientMetadata metadata, Func<HttpRequestMessage> probeRequest)
        : base(inner)
    {
        _transport = transport;
        _metadata = metadata;
        _probeRequest = probeRequest;
    }

    /// <summary>The provider name as configured: openai or anthropic.</summary>
    public string Provider => _metadata.ProviderName!;

    public Uri Endpoint => _metadata.ProviderUri!;

    /// <summary>Transient failures are retried below; what is left is thrown as <see cref="ProviderException"/>.</summary>
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Failure(exception) is { } failure)
        {
            throw failure;
        }
    }

    /// <inheritdoc cref="GetResponseAsync"/>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            while (true)
            {
                bool hasUpdate;
                try
                {
                    hasUpdate = await updates.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (Failure(exception) is { } failure)
                {
                    throw failure;
                }

                if (!hasUpdate)
                {
                    yield break;
                }

                yield return updates.Current;
            }
        }
    }

    /// <summary>
    /// Asks the endpoint whether it is up, with one cheap request (the model list) outside the retry and circuit
    /// breaker. A workload that was told the endpoint is down calls this until it answers, instead of burning
    /// attempts; an answer closes the circuit again.
    /// </summary>
    public async Task<EndpointProbe> ProbeAsync(CancellationToken cancellationToken)
    {
        using var request = _probeRequest();
        return await _transport.ProbeAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata : base.GetService(serviceType, serviceKey);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _transport.Dispose();
        }
    }

    /// <summary>What the SDK made of an answer it could not use; null for our own failures and cancellation, which pass as they are.</summary>
    private ProviderException? Failure(Exception exception) => exception switch
    {
        // The answer had begun (the handler saw its status) when the connection broke: nothing to retry there.
        IOException => new ProviderException(
            ProviderFailure.Unreachable,
            $"{Provider} at {Endpoint} broke off its answer: {exception.Message}",
            innerException: exception),
        ClientResultException or AnthropicException or JsonException or InvalidOperationException or FormatException => new ProviderException(
            ProviderFailure.BadResponse,
            $"{Provider} at {Endpoint} sent an answer the SDK could not read: {exception.Message}",
            innerException: exception),
        _ => null,
    };
}
