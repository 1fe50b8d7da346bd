using Nightshift.Diagnostics;

namespace Nightshift.Clustering;

/// <summary>Groups diagnostics into clusters and ranks them, largest first.</summary>
public static class Clusterer
{
    /// <summary>
    /// The clusters of <paramref name="diagnostics"/> by <see cref="ClusterKey"/>, ranked by count
    /// (descending), ties broken by the key's text (ordinal), so the ranking is deterministic.
    /// </summary>
    public static IReadOnlyList<Cluster> Cluster(IEnumerable<Diagnostic> diagnostics) =>
    [
        .. diagnostics
            .GroupBy(ClusterKey.Of)
            .Select(group => new Cluster(group.Key, group))
            .OrderByDescending(cluster => cluster.Count)
            .ThenBy(cluster => cluster.Key.ToString(), StringComparer.Ordinal),
    ];
}
