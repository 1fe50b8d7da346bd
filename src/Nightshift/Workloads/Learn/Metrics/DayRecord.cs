using Nightshift.Telemetry.Events;
using Nightshift.Workloads.Learn.Evaluation;

namespace Nightshift.Workloads.Learn.Metrics;

/// <summary>A day phase: the agent on the train koans, whose attempts and episodes the next dataset learns from.</summary>
[EventKind("learn.practiced")]
public sealed record DayRecord : MetricsRecord
{
    /// <summary>The model that practised; null for the agent as configured.</summary>
    public string? Model { get; init; }

    public required string Agent { get; init; }

    /// <summary>The train koans run.</summary>
    public required int Koans { get; init; }

    public required int Runs { get; init; }

    public required int Passed { get; init; }

    /// <summary>The learn session whose attempts these runs are.</summary>
    public required long SessionId { get; init; }

    public static DayRecord From(IReadOnlyList<EvalRun> runs, string? model, string agent, long sessionId, DateTimeOffset at, int? cycle)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return new DayRecord
        {
            At = at,
            Cycle = cycle,
            Model = model,
            Agent = agent,
            Koans = runs.Select(r => r.KoanId).Distinct(StringComparer.Ordinal).Count(),
            Runs = runs.Count,
            Passed = runs.Count(r => r.Passed),
            SessionId = sessionId,
        };
    }
}
