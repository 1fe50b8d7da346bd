using Nightshift.Agents.Prompts;
using Nightshift.Agents.Providers;
using Nightshift.Agents.Resilience;
using Nightshift.Execution;

namespace Nightshift.Agents.BuiltIn;

public sealed partial class BuiltInAgent
{
    /// <summary>
    /// The built-in agent as configured: resolves the API key from the variable <c>api_key_env</c> names,
    /// creates the provider's chat client (<see cref="ChatClients.Create"/>) on its own resilient HttpClient, and masks secrets in what the model is sent
    /// and what the transcript stores.
    /// </summary>
    /// <param name="options">The agent configuration.</param>
    /// <param name="environment">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</param>
    /// <param name="onEvent">Told about retries, usage-limit waits and the endpoint going down or coming back.</param>
    /// <param name="runner">Runs git for apply_patch; a new runner by default.</param>
    /// <param name="redactor">
    /// The secrets to mask (the composition root builds one for every agent); by default the API key and the values of
    /// this process's secret-named environment variables (<see cref="Redactor.IsSecretName"/>).
    /// </param>
    /// <exception cref="AgentConfigurationException">Unknown provider, or the key variable is unset.</exception>
    public static BuiltInAgent Create(
        BuiltInAgentOptions options,
        Func<string, string?>? environment = null,
        Action<ProviderEvent>? onEvent = null,
        ProcessRunner? runner = null,
        Redactor? redactor = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Before the key, so that a misspelt provider is reported as that and not as a missing key.
        ChatClients.Validate(options.Provider);
        var apiKey = ApiKey(options.ApiKeyEnv, environment ?? Environment.GetEnvironmentVariable);
        var client = ChatClients.Create(new ChatClientOptions(options.Provider, options.Model)
        {
            BaseUrl = options.BaseUrl,
            ApiKey = apiKey,
            Resilience = options.Resilience,
            OnEvent = onEvent,
        });
        var settings = new BuiltInAgentSettings
        {
            Streaming = options.Streaming,
            MaxOutputTokens = options.MaxOutputTokens,
            Prompts = new PromptLibrary(options.PromptsDirectory),
            Price = options.Price,
            ObservationLimit = options.ObservationLimit,
            Redactor = redactor ?? Redactor.ForProcess(apiKey is null ? [] : [apiKey]),
        };
        return new BuiltInAgent(client, settings, runner);
    }

    private static string? ApiKey(string? variable, Func<string, string?> environment)
    {
        if (variable is null)
        {
            return null;
        }

        var key = environment(variable);
        return string.IsNullOrWhiteSpace(key)
            ? throw new AgentConfigurationException(
                $"agent.api_key_env names {variable}, but {variable} is not set. Export the API key in {variable}, or remove api_key_env for an endpoint that needs no key.")
            : key;
    }
}
