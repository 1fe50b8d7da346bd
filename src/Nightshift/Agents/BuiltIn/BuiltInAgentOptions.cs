using Nightshift.Agents.Resilience;

namespace Nightshift.Agents.BuiltIn;

/// <summary>
/// The <c>agent:</c> configuration of the built-in agent, as read from nightshift.yml:
/// <c>provider</c>, <c>base_url</c>, <c>model</c>, <c>api_key_env</c>, <c>price</c>, <c>streaming</c>,
/// <c>max_output_tokens</c>, <c>prompts</c>.
/// </summary>
/// <param name="Provider">openai (any OpenAI-compatible endpoint) or anthropic.</param>
/// <param name="Model">The model name the endpoint knows.</param>
public sealed record BuiltInAgentOptions(string Provider, string Model)
{
    /// <summary>Null means the provider's public API.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The environment variable holding the API key; null for endpoints that need none.</summary>
    public string? ApiKeyEnv { get; init; }

    public bool Streaming { get; init; }

    public ModelPrice? Price { get; init; }

    public int? MaxOutputTokens { get; init; }

    /// <summary>A folder whose templates replace the engine's own of the same name.</summary>
    public string? PromptsDirectory { get; init; }

    public int ObservationLimit { get; init; } = 12_000;

    public ResilienceOptions Resilience { get; init; } = new();
}
