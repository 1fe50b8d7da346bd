namespace Nightshift.Agents;

/// <summary>Limits checked before every step of an agent; null means no limit.</summary>
public sealed record AgentBudget(
    int? MaxSteps,
    long? MaxTokens,
    decimal? MaxCostUsd,
    TimeSpan? WallTime,
    TimeSpan? IdleTime)
{
    public static AgentBudget Unlimited { get; } = new(null, null, null, null, null);
}
