namespace Nightshift.Agents;

/// <summary>How an agent run ended. The change itself is whatever it left in the worktree.</summary>
/// <param name="StopReason">Why it stopped.</param>
/// <param name="Usage">Tokens and cost consumed.</param>
/// <param name="Steps">Steps taken (model queries, or suggestion rounds for the offline agent).</param>
/// <param name="Summary">The agent's own account (from <c>finish</c>), never trusted as a verdict.</param>
/// <param name="Error">For <see cref="AgentStopReason.Error"/>, what went wrong.</param>
/// <param name="EndpointOutage">
/// For <see cref="AgentStopReason.Error"/>: the model endpoint could not serve the agent (down, unreachable, rate-limited), so
/// the attempt says nothing about the task and a workload abandons it rather than counting it as a rejection.
/// </param>
public sealed record AgentResult(
    AgentStopReason StopReason,
    AgentUsage Usage,
    int Steps,
    string? Summary = null,
    string? Error = null,
    bool EndpointOutage = false)
{
    /// <summary>
    /// True when <see cref="Summary"/> is the agent's own words (a model's <c>finish</c> or final message), which a landed
    /// commit's subject may carry; false when Nightshift narrated what an offline agent did ("Replayed 2 recorded changes").
    /// </summary>
    public bool SummaryIsOwn { get; init; }

    /// <summary>The model (or adapter) the agent asked for, when it has one and knows it; the episode records it.</summary>
    public string? Model { get; init; }
}

/// <summary>Why an agent stopped.</summary>
public enum AgentStopReason
{
    Finished,
    StepLimit,
    TokenLimit,
    CostLimit,
    TimeLimit,
    IdleLimit,
    Error,
}

/// <summary>Tokens in and out; cost when the provider reports it or a price is configured.</summary>
public sealed record AgentUsage(long TokensIn, long TokensOut, decimal? CostUsd)
{
    public static AgentUsage None { get; } = new(0, 0, null);

    public long TotalTokens => TokensIn + TokensOut;

    public AgentUsage Add(AgentUsage other) => new(
        TokensIn + other.TokensIn,
        TokensOut + other.TokensOut,
        CostUsd is null && other.CostUsd is null ? null : (CostUsd ?? 0) + (other.CostUsd ?? 0));
}
