namespace Nightshift.Configuration;

/// <summary>What to do with uncommitted changes in the repository when a session starts (<c>landing.pending</c>).</summary>
public enum PendingChanges
{
    /// <summary>Refuse to start, so nobody's unsaved work ends up in a night's commits.</summary>
    Refuse,

    /// <summary>Start the session branch from the working tree as it is, changes included.</summary>
    Include,
}
