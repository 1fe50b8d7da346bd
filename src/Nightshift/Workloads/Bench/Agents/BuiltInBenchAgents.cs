using Nightshift.Agents;
using Nightshift.Execution;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Workloads.Bench.Agents;

/// <summary>The agents every bench has, whatever providers are configured: <c>reference</c> and <c>none</c>.</summary>
public static class BuiltInBenchAgents
{
    /// <summary>The built-in agent <paramref name="spec"/> names, or null when it names a configured provider.</summary>
    public static BenchAgent? TryCreate(BenchAgentSpec spec, BenchSuite suite, ProcessRunner runner)
    {
        ArgumentNullException.ThrowIfNull(spec);
        IAgent? agent = spec.Provider switch
        {
            BenchAgentSpec.Reference => new ReferenceSolutionAgent(suite, runner),
            BenchAgentSpec.None => new NoChangeAgent(),
            _ => null,
        };
        return agent is null ? null : new BenchAgent(spec.Name, agent, AgentBudget.Unlimited);
    }
}
