using Nightshift.Agents;

namespace Nightshift.Workloads.Bench.Agents;

/// <summary>
/// An agent ready to run in a bench, under the name the suite gave it, with its limits; each run replaces the
/// wall time with the task's timeout.
/// </summary>
public sealed record BenchAgent(string Name, IAgent Agent, AgentBudget Limits);
