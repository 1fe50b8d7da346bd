using Nightshift.Execution;

namespace Nightshift.Git;

/// <summary>A git command failed or could not finish. The message names the command, where it ran and what git said.</summary>
public class GitException(string message, CommandResult? result = null, bool isFatal = true, Exception? innerException = null)
    : NightshiftException(message, isFatal, innerException)
{
    /// <summary>The failed run, when git ran at all.</summary>
    public CommandResult? Result { get; } = result;
}
