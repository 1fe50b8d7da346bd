using Nightshift.Store;

namespace Nightshift.Telemetry;

public sealed partial class SessionTelemetry
{
    /// <summary>
    /// Re-measures the status from the journal: commits landed, rejections, cost and tokens of the session's
    /// attempts, errors and clusters of its first snapshot (the baseline) and latest one, and the clusters
    /// remaining. Call it after journaling a snapshot, a verdict, a commit or an attempt's usage.
    /// </summary>
    /// <remarks>
    /// A cluster remains while the latest snapshot still counts at least <c>limits.min_cluster_size</c> of it
    /// and its task (kind "cluster", keyed by the cluster key) is neither solved nor skipped.
    /// Refreshes may run concurrently from several workers; an older measurement never overwrites a newer one.
    /// </remarks>
    public async Task<SessionStatus> RefreshAsync(CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref _refreshesStarted);
        var sessionId = Current.SessionId;
        var totals = (await _journal.SessionTotalsAsync(sessionId, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        var (first, last) = await _journal.FirstAndLastSnapshotAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var tasks = await _journal.SessionTasksAsync(sessionId, cancellationToken).ConfigureAwait(false);

        var done = tasks
            .Where(t => t.Kind == "cluster" && t.State is TaskState.Solved or TaskState.Skipped)
            .Select(t => t.Key)
            .ToHashSet(StringComparer.Ordinal);
        var remaining = last?.Clusters.Count(c => c.Count >= _minClusterSize && c.Count > 0 && !done.Contains(c.Key)) ?? 0;
        var clusters = Progress(first, last);

        lock (_gate)
        {
            if (sequence < _refreshApplied)
            {
                return _current;
            }

            _refreshApplied = sequence;
            return Apply(status => status with
            {
                CommitsLanded = totals?.Commits ?? 0,
                Rejections = totals?.Rejected ?? 0,
                Budget = status.Budget with
                {
                    CostUsd = totals?.CostUsd ?? 0m,
                    TokensIn = totals?.TokensIn ?? 0,
                    TokensOut = totals?.TokensOut ?? 0,
                },
                Errors = new ErrorCounts(first?.Errors, last?.Errors),
                Clusters = clusters,
                ClustersRemaining = remaining,
            });
        }
    }

    /// <summary>Ends the status: re-measured one last time, state ended with <paramref name="stopReason"/>, workers idle.</summary>
    public async Task<SessionStatus> EndAsync(string stopReason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stopReason);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return Status(status => status with
        {
            State = SessionState.Ended,
            Phase = "ended",
            StopReason = stopReason,
            Workers = [.. status.Workers.Select(w => WorkerStatus.Idle(w.Worker))],
        });
    }

    private static IReadOnlyList<ClusterProgress> Progress(SnapshotRow? first, SnapshotRow? last)
    {
        var before = first?.Clusters.ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal) ?? [];
        var now = last?.Clusters.ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal) ?? [];
        return [.. before.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Select(key => new ClusterProgress(key, before.GetValueOrDefault(key), now.GetValueOrDefault(key)))
            .OrderByDescending(c => c.Before)
            .ThenByDescending(c => c.Now)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(MaxStatusClusters)];
    }
}
