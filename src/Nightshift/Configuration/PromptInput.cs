namespace Nightshift.Configuration;

/// <summary>How a command agent receives its prompt (<c>agent.prompt_input</c>).</summary>
public enum PromptInput
{
    Stdin,

    /// <summary>
    /// The prompt is written to a file outside the worktree (a fresh temporary directory, so it never becomes
    /// part of the change) and its path given to the command in place of <c>{prompt_file}</c>.
    /// </summary>
    File,
}
