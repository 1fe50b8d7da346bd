using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Metrics;

namespace Nightshift.Workloads.Learn.Cycles;

/// <summary>What a <c>nightshift learn</c> run did.</summary>
/// <param name="SessionId">The learn session in the journal.</param>
/// <param name="Baseline">The eval of the agent as configured.</param>
/// <param name="PromotedBefore">The eval of the model promoted by an earlier run, when there was one.</param>
/// <param name="Cycles">Each cycle in order.</param>
/// <param name="Promoted">The model promoted at the end (an earlier one, or one of this run's); null when none ever was.</param>
public sealed record LearnReport(
    long SessionId,
    EvalReport Baseline,
    EvalReport? PromotedBefore,
    IReadOnlyList<CycleResult> Cycles,
    string? Promoted)
{
    /// <summary>Every record this run appended to metrics.jsonl, in order: what its report plots.</summary>
    public IReadOnlyList<MetricsRecord> Records { get; init; } = [];

    /// <summary>Forgetting and forward transfer of each cycle whose candidate was evaluated, from <see cref="Records"/>.</summary>
    public IReadOnlyList<ContinualCycle> Continual => ContinualMetrics.Of(Records.OfType<EvalRecord>());
}
