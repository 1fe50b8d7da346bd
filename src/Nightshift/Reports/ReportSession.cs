using System.Text.Json.Serialization;
using Nightshift.Store;

namespace Nightshift.Reports;

/// <summary>The session a report is about.</summary>
/// <param name="Id">The journal's session id.</param>
/// <param name="Workload">burn-down, crash-watch, bench, learn.</param>
/// <param name="Branch">The session branch its commits landed on.</param>
/// <param name="State">Running, ended or abandoned.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended; null while running.</param>
/// <param name="Duration">Ended minus started, or up to the report's time while running.</param>
/// <param name="StopReason">Why it stopped, as journaled; null while running.</param>
/// <param name="Sandbox">What its worktree commands ran in (bubblewrap, off); null when not recorded.</param>
/// <param name="Model">The model its agents asked for (the configured or the promoted one); null when they have none.</param>
public sealed record ReportSession(
    long Id,
    string Workload,
    string Branch,
    SessionState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    [property: JsonPropertyName("duration_seconds")] TimeSpan Duration,
    string? StopReason,
    string? Sandbox = null,
    string? Model = null)
{
    /// <summary>The report's line about the sandbox when the commands ran unconfined, else null.</summary>
    [JsonIgnore]
    public string? UnconfinedWarning => Sandbox == "off" ? "off (commands ran unconfined)" : null;
}
