using Nightshift.Workloads.Bench.Statistics;

namespace Nightshift.Workloads.Bench.Results;

/// <summary>
/// The master record of a bench, <c>bench.json</c>: what was planned, every finished run (in plan order) and
/// the statistics. Rewritten atomically after every run, so a report can be made while the bench goes on.
/// </summary>
public sealed record BenchManifest
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public required string Id { get; init; }

    public required SuiteInfo Suite { get; init; }

    public required BenchPlanOptions Options { get; init; }

    public BenchState Status { get; init; } = BenchState.Running;

    /// <summary>Why the bench stopped before the end, for <see cref="BenchState.Stopped"/> and <see cref="BenchState.Interrupted"/>.</summary>
    public string? StopReason { get; init; }

    public IReadOnlyList<string> Agents { get; init; } = [];

    public IReadOnlyList<TaskInfo> Tasks { get; init; } = [];

    public IReadOnlyList<PhaseOutcome> Phases { get; init; } = [];

    /// <summary>Runs in the plan; <see cref="Runs"/> holds those finished.</summary>
    public int Planned { get; init; }

    public IReadOnlyList<RunRecord> Runs { get; init; } = [];

    public BenchSummary Summary { get; init; } = BenchSummary.Empty;

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>The suite a bench ran: its file (as given), name and the SHA-256 of its text.</summary>
public sealed record SuiteInfo(string Path, string Name, string Sha256);

/// <summary>
/// The choices that shape the plan, made when the bench started and kept by a resume: --repeat (overriding every
/// phase's repeat; null for the suite's own) and --agent (empty for every agent of the suite). How it ran (--jobs)
/// is no part of it: a resume may use more or fewer jobs and still make the same bench.
/// </summary>
public sealed record BenchPlanOptions(int? Repeat, IReadOnlyList<string> AgentFilter);

public sealed record TaskInfo(string Id, string Level);

/// <summary>How a phase of the timeline went; <see cref="BudgetUsed"/> when its budget ran out before every run started.</summary>
public sealed record PhaseOutcome(string Name, IReadOnlyList<string> Levels, int Repeat, double? BudgetMs, int Planned, int Finished, bool BudgetUsed);
