namespace Nightshift.Agents.Providers;

/// <summary>
/// A model behind an HTTP API that can call tools. The built-in agent talks only to this; the
/// adapters (<see cref="OpenAIChatModel"/>, <see cref="AnthropicChatModel"/>) own the wire formats.
/// </summary>
public interface IChatModel : IDisposable
{
    /// <summary>The provider name as configured: openai or anthropic.</summary>
    string Provider { get; }

    /// <summary>The model name sent with every query.</summary>
    string Model { get; }

    /// <summary>
    /// Sends the conversation and returns the reply. Transient failures are retried inside; what is
    /// left is thrown as <see cref="ProviderException"/>.
    /// </summary>
    Task<ModelReply> CompleteAsync(ModelRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the endpoint whether it is up, with one cheap request outside the retry and circuit
    /// breaker. A workload that was told the endpoint is down calls this until it answers, instead
    /// of burning attempts; an answer closes the circuit again.
    /// </summary>
    Task<EndpointProbe> ProbeEndpointAsync(CancellationToken cancellationToken);
}
