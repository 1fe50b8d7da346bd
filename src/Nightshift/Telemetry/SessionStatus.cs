using System.Text.Json;
using System.Text.Json.Serialization;
using Nightshift.Store;

namespace Nightshift.Telemetry;

/// <summary>
/// What a session is doing right now, as <c>.nightshift/status.json</c> holds it for <c>nightshift status</c>
/// and <c>nightshift watch</c>. Counts (commits, rejections, errors, cost) are measured from the journal by
/// <see cref="SessionTelemetry.RefreshAsync"/>; the loop sets only what it alone knows (phase, workers).
/// </summary>
/// <param name="SessionId">The journal's session.</param>
/// <param name="Workload">burn-down, crash-watch, bench, learn.</param>
/// <param name="State">Running while the loop works; Ended once it stopped (see <paramref name="StopReason"/>).
/// A running status whose lock is not held belongs to a session that died.</param>
/// <param name="Phase">The loop's current phase, e.g. "baseline", "burn-down", "report".</param>
/// <param name="StartedAt">When the session started (the journal's time).</param>
/// <param name="Elapsed">Wall-clock time since <paramref name="StartedAt"/> at <paramref name="UpdatedAt"/>.</param>
/// <param name="Budget">Time and cost spent and left.</param>
/// <param name="Workers">What each worker is busy with.</param>
/// <param name="CommitsLanded">Ticketed commits of the session.</param>
/// <param name="Rejections">Attempts the verifier rejected.</param>
/// <param name="Errors">Error count of the session's first snapshot (the baseline) and of its latest one.</param>
/// <param name="Clusters">Each cluster's count in the baseline and in the latest snapshot, largest first.</param>
/// <param name="ClustersRemaining">Clusters still worth an attempt (the ETA's multiplier).</param>
/// <param name="Eta">When the work is expected to end; see <see cref="EtaEstimate"/>. Null when unknown.</param>
/// <param name="StopReason">Why an ended session stopped; null while running.</param>
/// <param name="UpdatedAt">When this status was written.</param>
public sealed record SessionStatus(
    long SessionId,
    string Workload,
    SessionState State,
    string Phase,
    DateTimeOffset StartedAt,
    [property: JsonPropertyName("elapsed_seconds")] TimeSpan Elapsed,
    BudgetStatus Budget,
    IReadOnlyList<WorkerStatus> Workers,
    int CommitsLanded,
    int Rejections,
    ErrorCounts Errors,
    IReadOnlyList<ClusterProgress> Clusters,
    int ClustersRemaining,
    DateTimeOffset? Eta,
    string? StopReason,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The service a crash-watch session keeps running, as last sampled; null for other workloads.</summary>
    public ServiceStatus? Service { get; init; }

    /// <summary>The model the session's agents ask for (the configured or the promoted one); null when they have none.</summary>
    public string? Model { get; init; }

    /// <summary>The first status of a session: nothing measured yet, every worker idle.</summary>
    public static SessionStatus Starting(
        SessionRow session, TimeSpan timeBudget, decimal? costLimitUsd, int workers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        return new SessionStatus(
            session.Id,
            session.Workload,
            SessionState.Running,
            "starting",
            session.StartedAt,
            now - session.StartedAt,
            BudgetStatus.Unspent(timeBudget, costLimitUsd),
            [.. Enumerable.Range(1, workers).Select(WorkerStatus.Idle)],
            CommitsLanded: 0,
            Rejections: 0,
            new ErrorCounts(Baseline: null, Now: null),
            [],
            ClustersRemaining: 0,
            Eta: null,
            StopReason: null,
            now)
        {
            Model = session.Model,
        };
    }

    /// <summary>The indented JSON that status.json holds.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, TelemetryJson.Indented);

    /// <exception cref="JsonException">The text is not a status document.</exception>
    public static SessionStatus FromJson(string json) =>
        JsonSerializer.Deserialize<SessionStatus>(json, TelemetryJson.Indented)
        ?? throw new JsonException("The status document is null.");
}
