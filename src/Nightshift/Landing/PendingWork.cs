namespace Nightshift.Landing;

/// <summary>What a session does with uncommitted changes in the user's checkout (<c>landing.pending</c>).</summary>
public enum PendingWork
{
    /// <summary>Stop with a clear error: the session would work from HEAD and silently leave them out.</summary>
    Refuse,

    /// <summary>Snapshot them (tracked and untracked, not ignored) as the first commit of the session branch.</summary>
    Include,
}
