using Nightshift.Workloads.Learn.Datasets;
using Nightshift.Workloads.Learn.Evaluation;

namespace Nightshift.Workloads.Learn.Cycles;

/// <summary>How <c>nightshift learn</c> runs.</summary>
public sealed record LearnOptions
{
    /// <summary>Train-eval-gate cycles to run.</summary>
    public int Cycles { get; init; } = 1;

    /// <summary>Each cycle starts with a day phase: the agent on the train koans, recorded as episodes (<c>--no-day</c> skips it).</summary>
    public bool Day { get; init; } = true;

    /// <summary>How each eval and day phase runs (repeats, parallelism, budget).</summary>
    public EvalOptions Eval { get; init; } = new();

    /// <summary>The share of each dataset replayed from the promoted model's dataset.</summary>
    public double ReplayRatio { get; init; } = DatasetOptions.DefaultReplayRatio;

    public int Seed { get; init; }

    public double DuplicateThreshold { get; init; } = 0.9;

    /// <summary><c>learn.gates.margin</c>: the pass-rate tolerance of the gate.</summary>
    public double Margin { get; init; } = 0.01;

    /// <summary>The model of the agent as configured (<c>agent.model</c>), the baseline every candidate must match.</summary>
    public string? BaselineModel { get; init; }
}
