namespace Nightshift.Store;

/// <summary>Where a task stands: still worth attempting, solved by a landed attempt, or given up.</summary>
public enum TaskState
{
    Open,
    Solved,
    Skipped,
}
