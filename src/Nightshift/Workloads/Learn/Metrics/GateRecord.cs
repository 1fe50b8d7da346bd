using Nightshift.Telemetry.Events;
using Nightshift.Workloads.Learn.Gates;

namespace Nightshift.Workloads.Learn.Metrics;

/// <summary>A gate decision: the candidate, the models it was held against, every check, and why it was rolled back.</summary>
[EventKind("learn.gated")]
public sealed record GateRecord : MetricsRecord
{
    /// <summary>The candidate model; null when training produced none.</summary>
    public string? Candidate { get; init; }

    /// <summary>promoted or rolled-back.</summary>
    public required string Decision { get; init; }

    /// <summary>Why the candidate was rolled back; empty when it was promoted.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    public required IReadOnlyList<GateCheck> Checks { get; init; }

    public GateScore? CandidateScore { get; init; }

    public required GateScore Baseline { get; init; }

    /// <summary>The model promoted before this decision, when there was one.</summary>
    public GateScore? Promoted { get; init; }

    public required double Margin { get; init; }

    public required string EvalSetHash { get; init; }

    /// <summary>The dataset the candidate was trained on: the replay buffer of the next cycle when it is promoted.</summary>
    public string? Dataset { get; init; }

    public bool IsPromotion => Decision == "promoted";
}
