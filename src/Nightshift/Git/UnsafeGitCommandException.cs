namespace Nightshift.Git;

/// <summary>
/// The git layer refused a command that could touch the user's branch, index, stash or working files, or that
/// forces anything. Reaching it is a bug in Nightshift, never a condition of the repository, so it is fatal.
/// </summary>
public sealed class UnsafeGitCommandException(string commandLine, string reason)
    : NightshiftException($"Nightshift refused to run `{commandLine}`: {reason}. This is a bug in Nightshift; please report it.")
{
    public string CommandLine { get; } = commandLine;

    public string Reason { get; } = reason;
}
