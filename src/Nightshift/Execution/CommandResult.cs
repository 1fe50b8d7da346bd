namespace Nightshift.Execution;

/// <summary>
/// What a command did. A failed command is an observation, not an exception: callers decide
/// what a non-zero exit code means.
/// </summary>
public sealed record CommandResult(
    string CommandLine,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Duration,
    StopCause StopCause,
    bool OutputTruncated)
{
    public bool Succeeded => ExitCode == 0 && StopCause == StopCause.Exited;

    /// <summary>True when Nightshift ended the process (timeout, idle timeout, cancellation).</summary>
    public bool WasKilled => StopCause != StopCause.Exited;
}

/// <summary>Why the process stopped.</summary>
public enum StopCause
{
    Exited,
    TimedOut,
    IdleTimedOut,
    Canceled,
}
