using Nightshift.Agents.Resilience;

namespace Nightshift.Agents.Providers;

/// <summary>How to reach a model: the <c>agent:</c> section of the configuration, with the key resolved.</summary>
/// <param name="Provider">openai (any OpenAI-compatible endpoint: OpenAI, Ollama, vLLM, llama.cpp) or anthropic.</param>
/// <param name="Model">The model name the endpoint knows.</param>
public sealed record ChatClientOptions(string Provider, string Model)
{
    /// <summary>
    /// The endpoint. OpenAI-compatible URLs include the version (<c>http://localhost:11434/v1</c>);
    /// Anthropic's do not (<c>https://api.anthropic.com</c>). Null means the provider's public API.
    /// </summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The API key; null for endpoints that need none (a local Ollama).</summary>
    public string? ApiKey { get; init; }

    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>Told about retries, usage-limit waits and the endpoint going down or coming back.</summary>
    public Action<ProviderEvent>? OnEvent { get; init; }

    /// <summary>Leaves the key out, so logging the options cannot leak it.</summary>
    public override string ToString() => $"{Provider} {Model} at {BaseUrl?.ToString() ?? "(default endpoint)"}";
}
