using Nightshift.Agents;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>How the agent's part of a run ended, before anything is judged.</summary>
internal abstract record AgentOutcome
{
    private AgentOutcome()
    {
    }

    /// <summary>The agent returned within its time.</summary>
    public sealed record Returned(AgentResult Result) : AgentOutcome;

    /// <summary>The task's timeout stopped it, or it stopped itself at its time or idle limit.</summary>
    public sealed record TimedOut(TimeSpan After, AgentResult? Result) : AgentOutcome;

    /// <summary>The agent threw.</summary>
    public sealed record Crashed(string Message) : AgentOutcome;

    /// <summary>Something the agent needed failed under it (endpoint, disk, sandbox).</summary>
    public sealed record Infrastructure(string Message) : AgentOutcome;

    /// <summary>What the agent returned, if it returned at all.</summary>
    public AgentResult? ResultIfAny => this switch
    {
        Returned returned => returned.Result,
        TimedOut timedOut => timedOut.Result,
        _ => null,
    };

    /// <summary>The agent's own failure, for <see cref="Results.FailureClass.AgentError"/>; null when it did not fail.</summary>
    public string? Error => this switch
    {
        Crashed crashed => crashed.Message,
        Returned { Result: { StopReason: AgentStopReason.Error } result } => result.Error ?? "the agent reported an error",
        _ => null,
    };
}

/// <summary>What the acceptance said.</summary>
internal abstract record AcceptanceVerdict
{
    private AcceptanceVerdict()
    {
    }

    public sealed record Passed : AcceptanceVerdict;

    public sealed record Failed(string Reason) : AcceptanceVerdict;

    /// <summary>The acceptance could not run (a tool missing, the disk full): nobody's verdict on the agent.</summary>
    public sealed record Infrastructure(string Reason) : AcceptanceVerdict;
}
