using Nightshift.Store;

namespace Nightshift.Probing;

/// <summary>What changed between two journaled snapshots: every cluster's count and the totals.</summary>
public sealed record SnapshotDiff(SnapshotRow Before, SnapshotRow After, IReadOnlyList<ClusterDelta> Clusters)
{
    /// <summary>
    /// The clusters of both snapshots, those that changed most first (ties by key, ordinal), so the top of the
    /// list is what a person wants to see; clusters whose count did not change are included, with a delta of 0.
    /// </summary>
    public static SnapshotDiff Between(SnapshotRow before, SnapshotRow after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Clusters.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var current = after.Clusters.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var deltas = old.Keys.Union(current.Keys, StringComparer.Ordinal)
            .Select(key =>
            {
                var row = current.GetValueOrDefault(key) ?? old[key];
                return new ClusterDelta(
                    key, row.Tool, row.Code, row.Severity, old.GetValueOrDefault(key)?.Count ?? 0, current.GetValueOrDefault(key)?.Count ?? 0);
            })
            .OrderByDescending(d => Math.Abs(d.Delta))
            .ThenBy(d => d.Key, StringComparer.Ordinal);
        return new SnapshotDiff(before, after, [.. deltas]);
    }

    public IEnumerable<ClusterDelta> New => Clusters.Where(c => c.IsNew);

    public IEnumerable<ClusterDelta> Vanished => Clusters.Where(c => c.IsVanished);

    public int ErrorsDelta => After.Errors - Before.Errors;

    public int WarningsDelta => After.Warnings - Before.Warnings;

    public int ItemsFailingDelta => After.ItemsFailing - Before.ItemsFailing;
}
