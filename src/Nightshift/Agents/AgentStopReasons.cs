namespace Nightshift.Agents;

/// <summary>
/// The one name each <see cref="AgentStopReason"/> has wherever it is written (the journal's <c>attempts.stop_reason</c>,
/// events, bench records), spelled out so that renaming a member cannot change what is on disk.
/// </summary>
public static class AgentStopReasons
{
    public static string WireName(this AgentStopReason reason) => reason switch
    {
        AgentStopReason.Finished => "finished",
        AgentStopReason.StepLimit => "step_limit",
        AgentStopReason.TokenLimit => "token_limit",
        AgentStopReason.CostLimit => "cost_limit",
        AgentStopReason.TimeLimit => "time_limit",
        AgentStopReason.IdleLimit => "idle_limit",
        AgentStopReason.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "an agent stop reason without a wire name"),
    };
}
