using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Workloads.Bench.Agents;

/// <summary>
/// Makes the agents a bench compares. The composition root implements it over every provider it has wired;
/// <see cref="BuiltInBenchAgents"/> covers <c>reference</c> and <c>none</c>.
/// </summary>
public interface IBenchAgentFactory
{
    /// <summary>Called once per agent before the first run, so a bad agent stops the bench before it starts.</summary>
    /// <exception cref="Configuration.ConfigException">The agent cannot be made (unknown provider, missing settings).</exception>
    BenchAgent Create(BenchAgentSpec spec, BenchSuite suite);
}
