using System.Text.Json.Serialization;

namespace Nightshift.Workloads.Bench.Results;

/// <summary>
/// One run of one task by one agent: <c>runs/&lt;task&gt;-&lt;agent&gt;-&lt;repeat&gt;.json</c>. Written atomically once the
/// run is over, so its existence means the run is done (what <c>--resume</c> relies on).
/// </summary>
public sealed record RunRecord
{
    /// <summary><c>&lt;task&gt;-&lt;agent&gt;-&lt;repeat&gt;</c>, also the stem of the run's files.</summary>
    public required string Run { get; init; }

    public required string Task { get; init; }

    public required string Level { get; init; }

    public required string Agent { get; init; }

    /// <summary>1-based, counted per task and agent across the whole timeline.</summary>
    public required int Repeat { get; init; }

    public required string Phase { get; init; }

    public required RunStatus Status { get; init; }

    /// <summary>Null for a pass.</summary>
    public FailureClass? Failure { get; init; }

    /// <summary>One line on why it failed, e.g. "cargo test --test hidden exited with 101".</summary>
    public string? Reason { get; init; }

    /// <summary>1, plus one per infrastructure error retried.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>How the agent stopped (finished, step_limit, ..., error), or null when it never returned.</summary>
    public string? StopReason { get; init; }

    public int Steps { get; init; }

    public int ToolCalls { get; init; }

    public long TokensIn { get; init; }

    public long TokensOut { get; init; }

    public decimal? CostUsd { get; init; }

    /// <summary>Files the agent added, changed or deleted (git's view, so build outputs it ignores are not listed).</summary>
    public IReadOnlyList<string> ChangedFiles { get; init; } = [];

    /// <summary>What made it a policy violation: "tests/hidden.rs (acceptance file) created".</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>Each acceptance command that ran; null in bench.json, where only the run files carry it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AcceptanceOutcome>? Acceptance { get; init; }

    /// <summary>Paths relative to the bench directory.</summary>
    public string? Transcript { get; init; }

    public string? Diff { get; init; }

    /// <summary>The workspace as a .tar.gz, kept for failed runs.</summary>
    public string? Archive { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public double DurationMs { get; init; }

    /// <summary>Passed or failed: the runs that count in pass rates.</summary>
    [JsonIgnore]
    public bool Counts => Status != RunStatus.Excluded;

    [JsonIgnore]
    public bool Passed => Status == RunStatus.Pass;
}

/// <summary>
/// One acceptance command (as a person would type it) and how it ended: its exit code, its stop cause (exited,
/// timed_out, idle_timed_out or canceled) and the last lines of its output (stdout, then stderr).
/// </summary>
public sealed record AcceptanceOutcome(string Command, int ExitCode, string StopCause, double DurationMs, string OutputTail);
