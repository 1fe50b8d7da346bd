using Nightshift.Agents;
using Nightshift.Agents.Resilience;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Workloads.Bench.Agents;
using Nightshift.Workloads.Bench.Running;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Cli.Commands;

/// <summary>
/// The agents <c>nightshift bench run</c> compares: the built-in bench agents (reference, none), and every
/// provider through <see cref="AgentFactory"/>, with the suite's settings for the agent over nightshift.yml's
/// <c>agent:</c> section (or the defaults when there is no nightshift.yml). Each configured agent's endpoint
/// gate is watched by the bench's <see cref="EndpointPauseGate"/>, so an outage pauses the whole bench.
/// </summary>
internal sealed class BenchAgentFactory(
    NightshiftConfig? config,
    ProcessRunner runner,
    EndpointPauseGate gate,
    Action<ProviderEvent>? onProviderEvent) : IBenchAgentFactory
{
    public BenchAgent Create(BenchAgentSpec spec, BenchSuite suite)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(suite);
        if (BuiltInBenchAgents.TryCreate(spec, suite, runner) is { } builtIn)
        {
            return builtIn;
        }

        var provider = spec.ConfiguredProvider ?? throw new ConfigException(
            $"{suite.FilePath}: agent '{spec.Name}' has provider {spec.Provider}, which is not an agent provider.");

        // Without nightshift.yml, relative paths of the agent settings (agent.replay, agent.prompts) are the suite's.
        var baseConfig = config ?? new NightshiftConfig { FilePath = suite.FilePath, RepositoryRoot = suite.Directory };
        var agentConfig = spec.ApplyTo(baseConfig.Agent, provider);
        var factory = new AgentFactory(baseConfig with { Agent = agentConfig }, onProviderEvent, runner: runner);
        gate.Watch(factory.Endpoint);
        return new BenchAgent(spec.Name, factory.Create(provider), AgentFactory.BudgetOf(agentConfig));
    }
}
