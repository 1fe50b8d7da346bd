using System.Text.Json.Serialization;
using Nightshift.Telemetry.Events;

namespace Nightshift.Workloads.Learn.Metrics;

/// <summary>
/// One line of <c>.nightshift/metrics.jsonl</c>: a day phase, a training run, an eval, or a gate decision, told apart by
/// <c>kind</c>. The file is only ever appended to, so it is the history of every model Nightshift tried. Each line is also
/// journaled as an event of its learn session (<c>learn.practiced</c>, <c>learn.trained</c>, <c>learn.evaluated</c>, <c>learn.gated</c>), in the
/// events' one dialect.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TrainingRecord), "train")]
[JsonDerivedType(typeof(EvalRecord), "eval")]
[JsonDerivedType(typeof(GateRecord), "gate")]
[JsonDerivedType(typeof(DayRecord), "day")]
public abstract record MetricsRecord : SessionEvent
{
    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The learn cycle it belongs to (1-based), or null outside <c>nightshift learn</c>.</summary>
    public int? Cycle { get; init; }
}
