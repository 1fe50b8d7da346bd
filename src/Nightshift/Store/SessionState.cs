namespace Nightshift.Store;

/// <summary>Where a session stands. A session still <see cref="Running"/> without its lock holder was interrupted.</summary>
public enum SessionState
{
    Running,
    Ended,
    Abandoned,
}
