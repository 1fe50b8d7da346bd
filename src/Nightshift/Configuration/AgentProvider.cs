namespace Nightshift.Configuration;

/// <summary>Who writes the patches (<c>agent.provider</c>, <c>agent.ladder</c>).</summary>
public enum AgentProvider
{
    /// <summary>Applies the compiler's own machine-applicable suggestions; no model involved.</summary>
    Suggest,
    OpenAI,
    Anthropic,

    /// <summary>An external coding agent run as a process (<see cref="AgentConfig.Command"/> or a preset).</summary>
    Command,

    /// <summary>Plays back a recorded transcript (<see cref="AgentConfig.Replay"/>); for tests and demos.</summary>
    Replay,
}
