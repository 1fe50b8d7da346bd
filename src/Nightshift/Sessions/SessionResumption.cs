namespace Nightshift.Sessions;

/// <summary>How a session begins with respect to the ones before it.</summary>
public enum SessionResumption
{
    /// <summary>A new session on a new branch; an unfinished session of the workload is abandoned (<c>nightshift run</c>).</summary>
    New,

    /// <summary>The workload's unfinished session goes on where it was killed (<c>nightshift run --resume</c>).</summary>
    Unfinished,

    /// <summary>A new session that goes on on today's branch, if there is one (<c>nightshift crash-watch</c>: one line of fixes a day).</summary>
    Branch,
}
