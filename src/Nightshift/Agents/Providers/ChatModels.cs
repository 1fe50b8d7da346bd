using Nightshift.Agents.BuiltIn;

namespace Nightshift.Agents.Providers;

/// <summary>Creates the adapter for a configured provider.</summary>
public static class ChatModels
{
    public const string OpenAI = "openai";
    public const string Anthropic = "anthropic";

    public static bool IsSupported(string provider) =>
        string.Equals(provider, OpenAI, StringComparison.OrdinalIgnoreCase)
        || string.Equals(provider, Anthropic, StringComparison.OrdinalIgnoreCase);

    /// <exception cref="AgentConfigurationException">The provider is not one of openai, anthropic.</exception>
    public static IChatModel Create(ChatModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider.ToLowerInvariant() switch
        {
            OpenAI => new OpenAIChatModel(options),
            Anthropic => new AnthropicChatModel(options),
            _ => throw new AgentConfigurationException(
                $"agent.provider '{options.Provider}' is not a model provider the built-in agent speaks: use openai (any OpenAI-compatible endpoint) or anthropic."),
        };
    }
}
