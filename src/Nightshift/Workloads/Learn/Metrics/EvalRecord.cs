using Nightshift.Telemetry.Events;
using Nightshift.Workloads.Learn.Evaluation;

namespace Nightshift.Workloads.Learn.Metrics;

/// <summary>An eval: which agent and model, on which eval set, the three numbers it is judged by and its pass rate per koan family.</summary>
[EventKind("learn.evaluated")]
public sealed record EvalRecord : MetricsRecord
{
    /// <summary>The model or adapter evaluated; null for the agent as configured.</summary>
    public string? Model { get; init; }

    /// <summary>baseline or candidate inside <c>nightshift learn</c>; null for a plain <c>nightshift eval</c>.</summary>
    public string? Role { get; init; }

    public required string Agent { get; init; }

    public required string EvalSetHash { get; init; }

    public required int Repeats { get; init; }

    public required int Runs { get; init; }

    public required int Passed { get; init; }

    public required double PassRate { get; init; }

    public double? MeanStepsToGreen { get; init; }

    public required double RepeatErrorRate { get; init; }

    /// <summary>Failed runs that still showed an error code fixed in an earlier episode.</summary>
    public required int RepeatErrors { get; init; }

    /// <summary>The koans with at least one failed run.</summary>
    public required IReadOnlyList<string> Failed { get; init; }

    public required long SessionId { get; init; }

    /// <summary>
    /// Runs, passes and pass rate of each koan family, ordered by family: what forgetting and forward transfer are computed
    /// from (<see cref="ContinualMetrics"/>). Empty on lines written before families were recorded.
    /// </summary>
    public IReadOnlyList<FamilyScore> Families { get; init; } = [];

    public static EvalRecord From(EvalReport report, DateTimeOffset at, int? cycle = null, string? role = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new EvalRecord
        {
            At = at,
            Cycle = cycle,
            Model = report.Model,
            Role = role,
            Agent = report.Agent,
            EvalSetHash = report.EvalSetHash,
            Repeats = report.Repeats,
            Runs = report.Runs.Count,
            Passed = report.Runs.Count(r => r.Passed),
            PassRate = report.PassRate,
            MeanStepsToGreen = report.MeanStepsToGreen,
            RepeatErrorRate = report.RepeatErrorRate,
            RepeatErrors = report.Runs.Count(r => EvalMetrics.IsRepeatError(r, report.FixedBefore)),
            Failed = [.. report.Runs.Where(r => !r.Passed).Select(r => r.KoanId).Distinct()],
            SessionId = report.SessionId,
            Families = report.Families,
        };
    }
}
