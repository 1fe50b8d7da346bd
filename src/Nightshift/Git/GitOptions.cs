namespace Nightshift.Git;

/// <summary>
/// How the git layer times out, waits for locks and decides that a lock is stale. The defaults suit a build
/// machine; tests shorten them.
/// </summary>
public sealed record GitOptions
{
    public static GitOptions Default { get; } = new();

    /// <summary>The git program, found on PATH unless a path is given.</summary>
    public string Executable { get; init; } = "git";

    /// <summary>Limit for one local git command. Generous: <c>git add -A</c> hashes every changed file of a large tree.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Limit for one command that talks to a remote (push).</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a command keeps retrying while a <c>*.lock</c> file that may be held blocks it.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A lock file at least this old, with no git process alive in the repository, is left over from a crash
    /// and is removed. Git holds its locks for milliseconds to seconds; ten minutes leaves a wide margin.
    /// </summary>
    public TimeSpan StaleLockAge { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>First pause between lock retries; it doubles up to <see cref="MaxLockRetryDelay"/>.</summary>
    public TimeSpan LockRetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan MaxLockRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
