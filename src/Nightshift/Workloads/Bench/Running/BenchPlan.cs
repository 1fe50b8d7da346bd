using Nightshift.Configuration;
using Nightshift.Workloads.Bench.Agents;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>One run to make: a task, an agent, the how-manieth time, in which phase.</summary>
/// <param name="Id"><c>&lt;task&gt;-&lt;agent&gt;-&lt;repeat&gt;</c>: the stem of the run's files.</param>
/// <param name="Task">The task.</param>
/// <param name="Agent">The agent.</param>
/// <param name="Repeat">1-based, counted per task and agent across the whole timeline.</param>
/// <param name="Phase">The phase it belongs to.</param>
public sealed record PlannedRun(string Id, BenchTask Task, BenchAgent Agent, int Repeat, BenchPhase Phase);

/// <summary>A phase and its runs, in the order they start.</summary>
public sealed record PlannedPhase(BenchPhase Phase, IReadOnlyList<PlannedRun> Runs);

/// <summary>
/// Lays out every run of a bench. Within a phase, repeats are the outer loop: a bench cut short (by a budget,
/// a full disk, the morning) then has a few runs of every task rather than many of the first ones.
/// </summary>
public static class BenchPlan
{
    /// <exception cref="ConfigException">Two runs would share a file name (a task id and an agent name that run together).</exception>
    public static IReadOnlyList<PlannedPhase> Create(BenchSuite suite, IReadOnlyList<BenchAgent> agents, int? repeat)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(agents);
        var counts = new Dictionary<(string Task, string Agent), int>();
        var seen = new Dictionary<string, PlannedRun>(StringComparer.Ordinal);
        var phases = new List<PlannedPhase>();
        foreach (var phase in suite.EffectivePhases)
        {
            var effective = repeat is { } value ? phase with { Repeat = value } : phase;
            var tasks = suite.Tasks.Where(t => effective.Levels.Contains(t.Level)).ToArray();
            var runs = new List<PlannedRun>();
            for (var round = 0; round < effective.Repeat; round++)
            {
                foreach (var task in tasks)
                {
                    foreach (var agent in agents)
                    {
                        var number = counts[(task.Id, agent.Name)] = counts.GetValueOrDefault((task.Id, agent.Name)) + 1;
                        var run = new PlannedRun($"{task.Id}-{agent.Name}-{number}", task, agent, number, effective);
                        if (seen.TryGetValue(run.Id, out var other))
                        {
                            throw new ConfigException(
                                $"{suite.FilePath}: task '{task.Id}' with agent '{agent.Name}' and task '{other.Task.Id}' with agent " +
                                $"'{other.Agent.Name}' would both write the run files {run.Id}.*; rename a task or an agent.");
                        }

                        seen.Add(run.Id, run);
                        runs.Add(run);
                    }
                }
            }

            phases.Add(new PlannedPhase(effective, runs));
        }

        return phases;
    }
}
