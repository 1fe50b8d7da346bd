using Nightshift.Agents;
using Nightshift.Execution;

namespace Nightshift.Workloads.BurnDown;

/// <summary>How one night runs, beyond nightshift.yml: the agents, whether it resumes, and who watches.</summary>
public sealed record NightOptions
{
    /// <summary>The agents a cluster is tried with, cheapest first (<c>agent.ladder</c>).</summary>
    public required Ladder Ladder { get; init; }

    /// <summary>The limits of each attempt's agent (from <c>agent</c>: max steps, tokens, cost, time, idle time).</summary>
    public required AgentBudget Budget { get; init; }

    /// <summary>
    /// The clusters to work on, by key (<c>rustc:error:E0308</c>) or code (<c>E0308</c>); null for every cluster. The
    /// baseline still measures every cluster, and a fix still may not grow any other.
    /// </summary>
    public IReadOnlySet<string>? Clusters { get; init; }

    /// <summary>Continue the last unfinished session (<c>--resume</c>) instead of starting a new one.</summary>
    public bool Resume { get; init; }

    /// <summary>
    /// Called before each attempt; returns once the agents' endpoint answers (a circuit breaker that saw it down
    /// probes it meanwhile), so a dead endpoint pauses the night instead of burning attempts. Null: never waits.
    /// </summary>
    public Func<CancellationToken, Task>? WaitForEndpoint { get; init; }

    /// <summary>One line per step for a person watching the terminal (never the engine's record: that is the journal).</summary>
    public IProgress<string>? Progress { get; init; }

    public ProcessRunner? Runner { get; init; }

    /// <summary>The clock budgets are measured with; the system clock when null.</summary>
    public TimeProvider? Clock { get; init; }
}
