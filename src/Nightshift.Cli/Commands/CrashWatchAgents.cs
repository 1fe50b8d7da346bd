using Nightshift.Agents;
using Nightshift.Agents.Local;
using Nightshift.Configuration;

namespace Nightshift.Cli.Commands;

/// <summary>Creates the agent crash-watch runs.</summary>
internal delegate IAgent CrashWatchAgentFactory(NightshiftConfig config);

/// <summary>
/// The agents crash-watch can run in this build. The model providers and external command agents come from the agents'
/// own factory (Nightshift.Agents.AgentFactory) once it is part of the build; until then, the offline ones.
/// </summary>
internal static class CrashWatchAgents
{
    public static IAgent Create(NightshiftConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Agent.Provider switch
        {
            AgentProvider.Replay => new ReplayAgent(config.ResolvePath(config.Agent.Replay!)),
            AgentProvider.Suggest => new SuggestAgent(),
            var provider => throw new ConfigException(
                $"agent.provider '{provider.ToString().ToLowerInvariant()}' cannot run crash fixes in this build yet; use replay (or suggest)."),
        };
    }
}
