using System.Text.Json;
using Nightshift.Telemetry;

namespace Nightshift.Reports;

/// <summary>
/// Everything the morning report shows about one session, loaded from the journal by <see cref="ReportLoader"/>
/// and rendered by <see cref="MarkdownReport"/> and <see cref="HtmlReport"/>. Every figure is measured (snapshots,
/// verdicts, commits, attempts' usage), never taken from what an agent said about its own work.
/// </summary>
/// <param name="GeneratedAt">When the report was made; a running session's duration is measured up to it.</param>
/// <param name="Session">Which session, how long it ran and why it stopped.</param>
/// <param name="Commits">The session's ticketed commits, in the order they landed.</param>
/// <param name="Clusters">Each cluster's count in the session's first and last snapshot.</param>
/// <param name="Totals">Errors and warnings in the first and last snapshot; null without snapshots.</param>
/// <param name="Timeline">Every snapshot of the session in the order taken.</param>
/// <param name="Rejections">Rejected attempts grouped by the verifier's reason, largest group first.</param>
/// <param name="Alerts">The session's alerts, oldest first.</param>
/// <param name="Agents">Attempts, outcomes, tokens and cost per agent.</param>
/// <param name="Attempts">Every attempt with its outcome and duration, in the order started.</param>
/// <param name="Targets">The success targets, each met, missed or unknown.</param>
/// <param name="History">Every session of the journal, oldest first.</param>
/// <param name="Crashes">A crash-watch session's crashes with their pipelines' steps, in the order taken; empty for other workloads.</param>
/// <param name="Service">A crash-watch session's service as last journaled (restarts, uptime, memory); null when none was.</param>
public sealed record ReportData(
    DateTimeOffset GeneratedAt,
    ReportSession Session,
    IReadOnlyList<ReportCommit> Commits,
    IReadOnlyList<ClusterChange> Clusters,
    ErrorTotals? Totals,
    IReadOnlyList<SnapshotPoint> Timeline,
    IReadOnlyList<RejectionGroup> Rejections,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyList<AgentUsage> Agents,
    IReadOnlyList<AttemptSpan> Attempts,
    IReadOnlyList<TargetResult> Targets,
    IReadOnlyList<SessionHistoryEntry> History,
    IReadOnlyList<CrashEntry> Crashes,
    ServiceStatus? Service = null)
{
    /// <summary>Attempts the verifier rejected (each counted once, whatever its number of reasons).</summary>
    public int RejectedAttempts => Attempts.Count(a => a.State == Store.AttemptState.Rejected);

    /// <summary>Clusters the last snapshot still counts.</summary>
    public int ClustersRemaining => Clusters.Count(c => c.After > 0);

    public long TokensIn => Agents.Sum(a => a.TokensIn);

    public long TokensOut => Agents.Sum(a => a.TokensOut);

    public decimal CostUsd => Agents.Sum(a => a.CostUsd);

    /// <summary>A crash-watch session: the report shows its crashes, and its snapshot sections only when it took snapshots.</summary>
    internal bool IsCrashWatch => Session.Workload == Workloads.CrashWatch.CrashWatchSession.Workload;

    /// <summary>Whether the snapshot and cluster sections have anything to say: always for a burn-down, even if only "none".</summary>
    internal bool ShowsSnapshots => !IsCrashWatch || Timeline.Count > 0;

    /// <summary>Whether the report has a Crashes section.</summary>
    internal bool ShowsCrashes => IsCrashWatch || Crashes.Count > 0;

    public string ToJson() => JsonSerializer.Serialize(this, TelemetryJson.Indented);
}
