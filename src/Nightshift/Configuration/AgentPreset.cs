namespace Nightshift.Configuration;

/// <summary>Known coding-agent CLIs whose command line Nightshift already knows (<c>agent.preset</c>).</summary>
public enum AgentPreset
{
    Claude,
    Codex,
    Aider,
}
