using Nightshift.Agents.BuiltIn;

namespace Nightshift.Agents.Providers;

/// <summary>Creates the adapter for a configured provider.</summary>
public static class ChatModels
{
    public const string OpenAI = "openai";
    public const string Anthropic = "anthropic";

    /// <exception cref="AgentConfigurationException">The provider is not one of openai, anthropic.</exception>
    public static IChatModel Create(ChatModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Validate(options.Provider) switch
        {
            OpenAI => new OpenAIChatModel(options),
            _ => new AnthropicChatModel(options),
        };
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
}
