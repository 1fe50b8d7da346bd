namespace Nightshift.Workloads.Bench.Results;

/// <summary>Why a run did not pass. Written in snake case in the JSON files (<c>no_change</c>).</summary>
public enum FailureClass
{
    /// <summary>The agent was still working when the task's timeout came (or hit its own time or idle limit).</summary>
    Timeout,

    /// <summary>The agent stopped without changing anything.</summary>
    NoChange,

    /// <summary>An acceptance command failed, or an expected file is missing.</summary>
    AcceptanceFailed,

    /// <summary>The agent created, changed or deleted an acceptance file or a protected path.</summary>
    PolicyViolation,

    /// <summary>The agent crashed or reported an error, and left nothing that passes.</summary>
    AgentError,

    /// <summary>
    /// Not the agent's doing: an endpoint down, a full disk, a workspace that could not be made, a missing
    /// tool. Retried, and never counted against the agent.
    /// </summary>
    InfraError,
}

/// <summary>The verdict of one run. Excluded runs (infrastructure errors) count in no pass rate.</summary>
public enum RunStatus
{
    Pass,
    Fail,
    Excluded,
}

/// <summary>Where a bench stands.</summary>
public enum BenchState
{
    Running,
    Completed,

    /// <summary>A guard stopped it early (free disk); resume it once the cause is fixed.</summary>
    Stopped,

    /// <summary>Cancelled (Ctrl-C, SIGTERM); resume it to finish.</summary>
    Interrupted,
}
