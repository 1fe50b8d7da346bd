namespace Nightshift.Execution;

/// <summary>
/// A command could not be started at all (program not found or not executable, working directory
/// missing). Not fatal: it ends the item that needed the command, and the message says how to fix it.
/// </summary>
public sealed class CommandStartException(
    string fileName, string workingDirectory, string message, Exception? innerException = null)
    : NightshiftException(message, isFatal: false, innerException)
{
    /// <summary>The program as the command spec named it.</summary>
    public string FileName { get; } = fileName;

    /// <summary>The directory the command was to run in (absolute).</summary>
    public string WorkingDirectory { get; } = workingDirectory;
}
