using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Nightshift.Execution;

namespace Nightshift.Git;

/// <summary>
/// What to do when git fails because a <c>*.lock</c> file exists. A lock that may be held is waited for, with
/// a doubling pause, up to <see cref="GitOptions.LockWait"/>. A lock is removed only when it is older than
/// <see cref="GitOptions.StaleLockAge"/> and no git process works in the repository or one of its worktrees:
/// then it is the leftover of a git that died (killed, power loss) and would block every command forever.
/// </summary>
internal sealed partial class GitLocks(
    GitPaths paths,
    GitOptions options,
    Action<GitEvent>? onEvent,
    Func<CancellationToken, Task<IReadOnlyCollection<string>>> repositoryFolders)
{
    /// <summary>The lock file a failed command names, or null when it failed for another reason.</summary>
    public static string? BlockingLock(CommandResult result) =>
        result.Succeeded ? null : LockMessage().Match(result.StandardError) is { Success: true } match ? match.Groups["path"].Value : null;

    /// <summary>
    /// Returns when the command that reported <paramref name="lockPath"/> may run again: the lock is gone, was
    /// stale and removed, or a pause has passed. Throws once the command has waited long enough.
    /// </summary>
    /// <exception cref="GitException">The lock was still there after <see cref="GitOptions.LockWait"/>.</exception>
    public async Task WaitOrClearAsync(string lockPath, Waiting waiting, GitCall call, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(lockPath, call.WorkingDirectory ?? paths.RepositoryRoot);
        var exists = File.Exists(path);
        var age = exists ? DateTime.UtcNow - File.GetLastWriteTimeUtc(path) : TimeSpan.Zero;
        IReadOnlyList<int>? holders = null;
        if (exists && age >= options.StaleLockAge && IsGitsOwnLock(path))
        {
            holders = GitProcesses.In(await repositoryFolders(cancellationToken).ConfigureAwait(false));
            if (holders is { Count: 0 } && TryDelete(path))
            {
                onEvent?.Invoke(new GitEvent.StaleLockRemoved(path, age));
                return;
            }
        }

        if (waiting.Elapsed >= options.LockWait)
        {
            throw new GitException(StillLocked(call, path, age, holders), isFatal: false);
        }

        if (exists && waiting.FirstSight(path))
        {
            onEvent?.Invoke(new GitEvent.LockWaiting(path, age, call.Display));
        }

        // Also when the lock is gone already: its holder may be about to take it again (a burst of ref updates).
        await Task.Delay(waiting.NextDelay(options), cancellationToken).ConfigureAwait(false);
    }

    // Only git's own locks in this repository's git directories (or the scratch folder) are ever deleted.
    private bool IsGitsOwnLock(string path) =>
        path.EndsWith(".lock", StringComparison.Ordinal)
        && (GitPaths.IsWithin(path, paths.CommonDirectory) || GitPaths.IsWithin(path, paths.GitDirectory) || paths.IsScratch(path));

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string StillLocked(GitCall call, string path, TimeSpan age, IReadOnlyList<int>? holders)
    {
        var seconds = ((long)age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var why = holders switch
        {
            { Count: > 0 } => $"git processes still work in this repository (pid {string.Join(", ", holders)})",
            null when age >= options.StaleLockAge => "running git processes cannot be listed on this system",
            _ => $"it is younger than {options.StaleLockAge.TotalMinutes.ToString(CultureInfo.InvariantCulture)} min, so a running git may hold it",
        };
        return $"`{call.Display}` waited {options.LockWait.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s for {path} "
            + $"(created {seconds} s ago) and gave up: {why}. Let that git command finish; if none runs in "
            + $"{paths.RepositoryRoot}, delete {path} and resume.";
    }

    [GeneratedRegex(@"Unable to create '(?<path>[^']+\.lock)': File exists", RegexOptions.CultureInvariant)]
    private static partial Regex LockMessage();

    /// <summary>The waiting state of one command: since when, how long the next pause is, which locks were reported.</summary>
    internal sealed class Waiting
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
        private TimeSpan _delay;

        public TimeSpan Elapsed => _clock.Elapsed;

        public bool FirstSight(string lockPath) => _reported.Add(lockPath);

        public TimeSpan NextDelay(GitOptions options)
        {
            _delay = _delay == TimeSpan.Zero ? options.LockRetryDelay : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, options.MaxLockRetryDelay.Ticks));
            return _delay;
        }
    }
}
