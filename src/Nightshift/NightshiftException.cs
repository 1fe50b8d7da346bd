namespace Nightshift;

/// <summary>
/// The root of every error Nightshift reports to a person. The message says what ran, what was
/// expected and how to fix it. <see cref="IsFatal"/> errors end the command; the others end one
/// item (an attempt, a corpus item) and the workload goes on.
/// </summary>
public class NightshiftException(string message, bool isFatal = true, Exception? innerException = null)
    : Exception(message, innerException)
{
    public bool IsFatal { get; } = isFatal;

    /// <summary>The exit code a command ends with when this error escapes it.</summary>
    public virtual int ExitCode => ExitCodes.Failed;
}
