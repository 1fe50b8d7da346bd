namespace Nightshift.Configuration;

/// <summary>How a command agent receives its prompt (<c>agent.prompt_input</c>).</summary>
public enum PromptInput
{
    Stdin,

    /// <summary>The prompt is written to a file in the workspace and its path given to the command.</summary>
    File,
}
