using Nightshift.Agents;
using Nightshift.Clustering;
using Nightshift.Probing;
using Nightshift.Store;

namespace Nightshift.Workloads.BurnDown;

/// <summary>
/// Which cluster a worker takes next and which ones have had their chances: the largest cluster of the branch tip
/// that is at least <c>limits.min_cluster_size</c>, not in flight on another worker and not set aside. Rebuilt from the
/// journal on resume, so a cluster set aside before a crash stays aside. A night told to work on some clusters only
/// (<c>--cluster</c>) leaves every other cluster alone. Not thread-safe: the loop owns it.
/// </summary>
/// <param name="minClusterSize">Smaller clusters are left alone (<c>limits.min_cluster_size</c>).</param>
/// <param name="attemptsPerCluster">Rejections after which a cluster is set aside.</param>
/// <param name="only">The cluster keys or codes to work on; null for every cluster.</param>
internal sealed class ClusterBoard(int minClusterSize, int attemptsPerCluster, IReadOnlySet<string>? only = null)
{
    private readonly Dictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private readonly HashSet<string> _setAside = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Rejections since the last landing, across clusters.</summary>
    public int ConsecutiveRejections { get; private set; }

    public int InFlight => _inFlight.Count;

    /// <summary>The board of a resumed session: rejections per cluster task, set-aside tasks, the run of rejections.</summary>
    public static ClusterBoard Restore(
        int minClusterSize, int attemptsPerCluster, IReadOnlySet<string>? only, IReadOnlyList<TaskRow> tasks, IReadOnlyList<AttemptRow> attempts)
    {
        var board = new ClusterBoard(minClusterSize, attemptsPerCluster, only);
        var clusterTasks = tasks.Where(t => t.Kind == "cluster").ToDictionary(t => t.Id);
        foreach (var attempt in attempts.OrderBy(a => a.Id))
        {
            if (!clusterTasks.TryGetValue(attempt.TaskId, out var task))
            {
                continue;
            }

            switch (attempt.State)
            {
                case AttemptState.Rejected:
                    board._rejections[task.Key] = board.RejectionsOf(task.Key) + 1;
                    board.ConsecutiveRejections++;
                    break;
                case AttemptState.Landed:
                    board.ConsecutiveRejections = 0;
                    break;
            }
        }

        foreach (var task in clusterTasks.Values.Where(t => t.State == TaskState.Skipped))
        {
            board._setAside.Add(task.Key);
        }

        return board;
    }

    /// <summary>The largest open cluster of <paramref name="tip"/>, ties broken by key so a rerun picks the same; null when none is left.</summary>
    public Cluster? Next(Snapshot tip) => Open(tip).FirstOrDefault(c => !_inFlight.Contains(c.Key.ToString()));

    /// <summary>Clusters still worth an attempt, in flight or not.</summary>
    public IEnumerable<Cluster> Open(Snapshot tip) => tip.Clusters
        .Where(c => c.Count >= minClusterSize && !_setAside.Contains(c.Key.ToString()) && IsWanted(c.Key))
        .OrderByDescending(c => c.Count)
        .ThenBy(c => c.Key.ToString(), StringComparer.Ordinal);

    public int RejectionsOf(string key) => _rejections.GetValueOrDefault(key);

    private bool IsWanted(ClusterKey key) => only is null || only.Contains(key.ToString()) || (key.Code is { } code && only.Contains(code));

    /// <summary>The rung for the cluster's next attempt: one rejection moves up one rung, and the last rung keeps the rest.</summary>
    public LadderRung RungFor(string key, Ladder ladder) =>
        ladder.Rungs[Math.Min(RejectionsOf(key), ladder.Rungs.Count - 1)];

    public void Take(string key) => _inFlight.Add(key);

    public void Release(string key) => _inFlight.Remove(key);

    /// <summary>Counts a rejection; true when the cluster has now had <c>limits.attempts_per_cluster</c> and is set aside.</summary>
    public bool Reject(string key)
    {
        _rejections[key] = RejectionsOf(key) + 1;
        ConsecutiveRejections++;
        if (_rejections[key] < attemptsPerCluster)
        {
            return false;
        }

        _setAside.Add(key);
        return true;
    }

    public void Landed() => ConsecutiveRejections = 0;
}
