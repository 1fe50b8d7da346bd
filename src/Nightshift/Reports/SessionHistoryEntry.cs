using System.Text.Json.Serialization;
using Nightshift.Store;

namespace Nightshift.Reports;

/// <summary>One row of the report's history of sessions.</summary>
/// <param name="Id">The journal's session id.</param>
/// <param name="Workload">burn-down, crash-watch, bench, learn.</param>
/// <param name="State">Running, ended or abandoned.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Duration">How long it ran; null while running.</param>
/// <param name="StopReason">Why it stopped; null while running.</param>
/// <param name="Commits">Commits it landed.</param>
/// <param name="Attempts">Attempts it made.</param>
/// <param name="Rejected">Attempts the verifier rejected.</param>
/// <param name="ErrorsBefore">Errors in its first snapshot; null without snapshots.</param>
/// <param name="ErrorsAfter">Errors in its last snapshot; null without snapshots.</param>
/// <param name="CostUsd">What its attempts cost.</param>
public sealed record SessionHistoryEntry(
    long Id,
    string Workload,
    SessionState State,
    DateTimeOffset StartedAt,
    [property: JsonPropertyName("duration_seconds")] TimeSpan? Duration,
    string? StopReason,
    int Commits,
    int Attempts,
    int Rejected,
    int? ErrorsBefore,
    int? ErrorsAfter,
    decimal CostUsd);
