using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Metrics;
using Nightshift.Workloads.Learn.Training;

namespace Nightshift.Workloads.Learn.Cycles;

/// <summary>What <c>nightshift learn</c> reports as it goes; the CLI renders these, the engine never prints.</summary>
public abstract record LearnEvent
{
    private protected LearnEvent()
    {
    }

    /// <summary>The cycle it belongs to (1-based); null for the evals before the first cycle.</summary>
    public int? Cycle { get; init; }
}

/// <summary>A phase begins: an eval, the dataset, training.</summary>
public sealed record LearnPhaseStarted(string Description) : LearnEvent;

/// <summary>A line of the trainer's log.</summary>
public sealed record LearnTrainingOutput(TrainingLine Line) : LearnEvent;

/// <summary>An eval run finished; <paramref name="Role"/> is baseline, promoted or candidate.</summary>
public sealed record LearnEvalRun(string Role, EvalRun Run) : LearnEvent;

/// <summary>A record was appended to metrics.jsonl (an eval, a training run, a gate decision).</summary>
public sealed record LearnRecorded(MetricsRecord Record) : LearnEvent;

/// <summary>A cycle's candidate was evaluated: its forgetting and forward transfer per family (<see cref="ContinualMetrics"/>).</summary>
public sealed record LearnContinualMeasured(ContinualCycle Figures) : LearnEvent;
