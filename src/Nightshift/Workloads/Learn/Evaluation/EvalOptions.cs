using Nightshift.Agents;
using Nightshift.Agents.Resilience;
using Nightshift.Files;

namespace Nightshift.Workloads.Learn.Evaluation;

/// <summary>How an eval runs.</summary>
public sealed record EvalOptions
{
    /// <summary>Runs per koan (k); pass rate is then over k × koans runs.</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Runs at once.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>The agent's limits for each run.</summary>
    public AgentBudget Budget { get; init; } = AgentBudget.Unlimited;

    /// <summary>The repository's Nightshift folder, where transcripts go; null keeps them in the journal only.</summary>
    public NightshiftPaths? Paths { get; init; }

    /// <summary>Waited on before each run, so that an endpoint outage pauses the eval instead of failing its runs.</summary>
    public EndpointGate? Endpoint { get; init; }
}
