using Nightshift.Agents.BuiltIn;
using Nightshift.Agents.Prompts;
using Nightshift.Agents.Providers;
using Nightshift.Agents.Resilience;
using Nightshift.Configuration;
using Nightshift.Configuration.Reading;

namespace Nightshift.Agents;

public sealed partial class AgentFactory
{
    private BuiltInAgent BuiltIn(AgentProvider provider, string? model)
    {
        var options = Options(provider, model);
        return BuiltInAgent.Create(options, _environment, Publish, _runner, Redactor);
    }

    private BuiltInAgentOptions Options(AgentProvider provider, string? model)
    {
        var name = WireName(provider);
        var modelName = model ?? Agent.Model ?? throw new ConfigException(
            $"{_config.FilePath}: agent.provider {name} needs agent.model, the model the endpoint knows (such as gpt-5 or claude-sonnet-4-5).");
        return new BuiltInAgentOptions(name, modelName)
        {
            BaseUrl = Agent.BaseUrl,
            ApiKeyEnv = ApiKeyVariable(provider),
            Price = Agent.Price is { } price ? new ModelPrice(price.InputPerMtok, price.OutputPerMtok) : null,
            PromptsDirectory = Prompts.OverrideDirectory,
            Resilience = Resilience,
        };
    }

    /// <summary>The task templates: the user's folder (<c>agent.prompts</c>) before the engine's own.</summary>
    private PromptLibrary Prompts => new(Agent.Prompts is { } prompts ? _config.ResolvePath(prompts) : null);

    /// <summary>
    /// <c>agent.api_key_env</c> when set (then the key is required), else the provider's customary variable;
    /// a server at <c>agent.base_url</c> may need no key at all (a local Ollama or llama.cpp), so there an
    /// unset customary variable means no key rather than an error.
    /// </summary>
    private string? ApiKeyVariable(AgentProvider provider)
    {
        if (Agent.ApiKeyEnv is { } configured)
        {
            return configured;
        }

        var customary = provider == AgentProvider.Anthropic ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY";
        return Agent.BaseUrl is null || !string.IsNullOrWhiteSpace(_environment(customary)) ? customary : null;
    }

    /// <summary>
    /// Outages go through the gate, which reports each change once however many agents meet it; the rest
    /// (retries, usage-limit waits) straight to the observer.
    /// </summary>
    private void Publish(ProviderEvent providerEvent)
    {
        if (providerEvent is EndpointDown or EndpointRecovered)
        {
            Endpoint.Observe(providerEvent);
        }
        else
        {
            _onEvent?.Invoke(providerEvent);
        }
    }

    /// <summary>Probes an endpoint with a chat client of its own, outside the circuit of the agents' clients.</summary>
    private async Task<EndpointProbe> ProbeAsync(EndpointDown outage, CancellationToken cancellationToken)
    {
        var provider = WireNames.TryParse<AgentProvider>(outage.Provider, out var parsed) ? parsed : AgentProvider.OpenAI;

        // The probe asks for the model list, which needs no model name; a candidate's may not be configured.
        using var client = ChatClients.Create(new ChatClientOptions(outage.Provider, Agent.Model ?? "probe")
        {
            BaseUrl = outage.Endpoint,
            ApiKey = ApiKeyVariable(provider) is { } variable ? _environment(variable) : null,
            Resilience = Resilience,
        });
        return await client.ProbeAsync(cancellationToken).ConfigureAwait(false);
    }
}
