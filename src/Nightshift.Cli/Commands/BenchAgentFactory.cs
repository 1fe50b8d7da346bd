using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Workloads.Bench.Agents;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Cli.Commands;

/// <summary>
/// The agents <c>nightshift bench run</c> can compare. The built-in bench agents (reference, none) are always
/// there; each configured provider is wired here as its agent lands.
/// </summary>
internal sealed class BenchAgentFactory(ProcessRunner runner) : IBenchAgentFactory
{
    public BenchAgent Create(BenchAgentSpec spec, BenchSuite suite)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return BuiltInBenchAgents.TryCreate(spec, suite, runner) ?? throw new ConfigException(
            $"{suite.FilePath}: agent '{spec.Name}' uses provider {spec.Provider}, which this build cannot run in a bench yet; " +
            $"the bench agents available are {BenchAgentSpec.Reference} and {BenchAgentSpec.None}.");
    }
}
