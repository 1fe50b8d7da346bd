using Nightshift.Configuration;

namespace Nightshift.Agents.External;

/// <summary>The command lines of the coding-agent CLIs Nightshift knows (<c>agent.preset</c>).</summary>
public static class CommandPresets
{
    /// <summary>
    /// <list type="bullet">
    /// <item><c>claude</c>: <c>claude -p --output-format stream-json --verbose --permission-mode acceptEdits</c>,
    /// prompt on stdin; without the permission mode a headless run may not edit files at all.</item>
    /// <item><c>codex</c>: <c>codex exec --json --sandbox workspace-write -</c>, prompt on stdin; exec's default
    /// sandbox is read-only.</item>
    /// <item><c>aider</c>: <c>aider --message-file {prompt_file} --yes-always --no-auto-commits</c>; Nightshift
    /// commits, never the agent.</item>
    /// </list>
    /// </summary>
    public static CommandAgentOptions For(AgentPreset preset) => preset switch
    {
        AgentPreset.Claude => new CommandAgentOptions(
            ["claude", "-p", "--output-format", "stream-json", "--verbose", "--permission-mode", "acceptEdits"])
        {
            OutputFormat = AgentOutputFormat.ClaudeStreamJson,
        },
        AgentPreset.Codex => new CommandAgentOptions(["codex", "exec", "--json", "--sandbox", "workspace-write", "-"])
        {
            OutputFormat = AgentOutputFormat.CodexJson,
        },
        AgentPreset.Aider => new CommandAgentOptions(
            ["aider", "--message-file", CommandAgentOptions.PromptFilePlaceholder, "--yes-always", "--no-auto-commits"])
        {
            PromptInput = PromptInput.File,
            OutputFormat = AgentOutputFormat.Aider,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown agent preset."),
    };

    /// <summary>
    /// The options <c>agent.preset</c> or <c>agent.command</c> describe. A custom command's output format is
    /// inferred from its arguments (a <c>claude … stream-json</c>, a <c>codex … --json</c>, an <c>aider</c>),
    /// else read as plain text.
    /// </summary>
    /// <exception cref="ConfigException">Neither a preset nor a command is configured.</exception>
    public static CommandAgentOptions FromConfig(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Preset is { } preset)
        {
            return For(preset) with { Price = config.Price };
        }

        if (config.Command is not { Count: > 0 } command)
        {
            throw new ConfigException("The command agent needs agent.command (an argument list) or agent.preset (claude, codex, aider).");
        }

        return new CommandAgentOptions(command)
        {
            PromptInput = config.PromptInput,
            OutputFormat = Infer(command),
            Price = config.Price,
        };
    }

    private static AgentOutputFormat Infer(IReadOnlyList<string> command) => Path.GetFileName(command[0]) switch
    {
        "claude" when command.Contains("stream-json") => AgentOutputFormat.ClaudeStreamJson,
        "codex" when command.Contains("--json") => AgentOutputFormat.CodexJson,
        "aider" => AgentOutputFormat.Aider,
        _ => AgentOutputFormat.Text,
    };
}
