using Nightshift.Agents;
using Nightshift.Agents.Local;
using Nightshift.Configuration;

namespace Nightshift.Cli.Commands;

/// <summary>Creates the agent an eval runs, from the configuration and the model it is to use.</summary>
internal delegate IAgent LearnAgentFactory(NightshiftConfig config, string? model);

/// <summary>The agents the learn commands can run in this build: the offline ones.</summary>
internal static class LearnAgents
{
    /// <summary>
    /// The configured agent, with <paramref name="model"/> in place of <c>agent.model</c> when given (a candidate
    /// from training). The built-in model providers and external command agents are created by the agents'
    /// own factory, which the composition root passes instead of this one once it exists.
    /// </summary>
    public static IAgent Create(NightshiftConfig config, string? model)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Agent.Provider switch
        {
            AgentProvider.Suggest => new SuggestAgent(),
            AgentProvider.Replay => new ReplayAgent(config.ResolvePath(config.Agent.Replay!)),
            var provider => throw new ConfigException(
                $"agent.provider '{WireName(provider)}' cannot be evaluated by this build; use suggest or replay."),
        };
    }

    public static AgentBudget BudgetOf(AgentConfig agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new AgentBudget(agent.MaxSteps, agent.MaxTokens, agent.MaxCostUsd, agent.Timeout, agent.IdleTimeout);
    }

    private static string WireName(AgentProvider provider) => provider.ToString().ToLowerInvariant();
}
