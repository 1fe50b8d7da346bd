using Nightshift.Agents.Prompts;
using Nightshift.Configuration;

namespace Nightshift.Agents.External;

/// <summary>
/// How to run an external agent CLI. <see cref="Command"/> is an argument list; <c>{prompt_file}</c> in
/// any argument becomes the path of the file holding the prompt.
/// </summary>
/// <param name="Command">The program and its arguments.</param>
public sealed record CommandAgentOptions(IReadOnlyList<string> Command)
{
    public const string PromptFilePlaceholder = "{prompt_file}";

    /// <summary>Where the prompt goes: the child's stdin, or a file named in the arguments.</summary>
    public PromptInput PromptInput { get; init; } = PromptInput.Stdin;

    public AgentOutputFormat OutputFormat { get; init; } = AgentOutputFormat.Text;

    /// <summary>Variables added to (or, with a null value, removed from) the agent's environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Values masked in the transcript and in logged command lines (API keys passed to the agent).</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>
    /// Where prompt files are written; null for a fresh directory under the system temp folder. Never inside
    /// the worktree: the prompt must not end up in the agent's change.
    /// </summary>
    public string? PromptDirectory { get; init; }

    /// <summary>The task templates (<c>agent.prompts</c> before the engine's own) the prompt is rendered from.</summary>
    public PromptLibrary Prompts { get; init; } = new();

    /// <summary>Prices tokens when the tool reports usage but no cost.</summary>
    public PriceConfig? Price { get; init; }

    /// <summary>Time between SIGTERM to the agent's process group and SIGKILL to its whole tree.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    public bool UsesPromptFile =>
        PromptInput == PromptInput.File || Command.Any(a => a.Contains(PromptFilePlaceholder, StringComparison.Ordinal));
}
