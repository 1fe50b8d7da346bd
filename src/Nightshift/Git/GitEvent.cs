namespace Nightshift.Git;

/// <summary>
/// What the git layer, the workspaces and the lander report while they work, for the journal, the event log
/// and alerts. The engine never prints; the caller passes an <c>Action&lt;GitEvent&gt;</c> and renders what
/// it wants. Handlers run synchronously on the reporting task, so they must be quick, and thread-safe: background pushes
/// report from the thread pool.
/// </summary>
public abstract record GitEvent
{
    private GitEvent()
    {
    }

    /// <summary>A command found <paramref name="LockPath"/> and waits for its holder (reported once per lock and command).</summary>
    public sealed record LockWaiting(string LockPath, TimeSpan Age, string Command) : GitEvent;

    /// <summary>A lock older than the stale age, with no git process alive in the repository, was deleted.</summary>
    public sealed record StaleLockRemoved(string LockPath, TimeSpan Age) : GitEvent;

    /// <summary>A worktree of an attempt that is not running (a crashed run) was removed at start.</summary>
    public sealed record StaleWorktreeRemoved(string Path) : GitEvent;

    /// <summary>A worker's worktree could not be proven clean after its reset, so it was removed and checked out again.</summary>
    public sealed record WorktreeRecreated(string Path, string Reason) : GitEvent;

    /// <summary>An attempt's worktree could not be removed; the next start prunes it.</summary>
    public sealed record WorktreeRemovalFailed(string Path, string Error) : GitEvent;

    /// <summary>The lander journaled its intent to commit <paramref name="AttemptId"/> as <paramref name="Ticket"/>.</summary>
    public sealed record LandingIntentWritten(long AttemptId, string Ticket, string ParentSha) : GitEvent;

    /// <summary>The commit object exists; the session branch does not point at it yet.</summary>
    public sealed record LandingCommitCreated(long AttemptId, string Ticket, string Sha) : GitEvent;

    /// <summary>The session branch points at the new commit; the journal does not record it yet.</summary>
    public sealed record BranchAdvanced(string Branch, string OldSha, string NewSha) : GitEvent;

    /// <summary>The session branch moved under a landing; the patch was replayed on the new tip.</summary>
    public sealed record LandingRebased(long AttemptId, string OldBase, string NewBase, bool Conflicted) : GitEvent;

    /// <summary>At start, an interrupted landing that had reached the branch was recorded in the journal.</summary>
    public sealed record LandingRecovered(long AttemptId, string Ticket, string Sha) : GitEvent;

    /// <summary>At start, an interrupted landing that never reached the branch was voided; its ticket number is reused.</summary>
    public sealed record LandingVoided(long AttemptId, string Ticket) : GitEvent;

    public sealed record Pushed(string Remote, string Branch, string Sha) : GitEvent;

    /// <summary>One push attempt failed; an alert when <paramref name="WillRetry"/> is false.</summary>
    public sealed record PushFailed(string Remote, string Branch, int Attempt, bool WillRetry, string Error) : GitEvent;
}
