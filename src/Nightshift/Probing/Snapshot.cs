using Nightshift.Clustering;
using Nightshift.Diagnostics;

namespace Nightshift.Probing;

/// <summary>
/// One measurement of a repository's health: every probed item with its diagnostics. Clusters and
/// totals are derived, never stored separately, so they cannot disagree with the diagnostics.
/// </summary>
public sealed record Snapshot(IReadOnlyList<ItemResult> Items)
{
    private IReadOnlyList<Diagnostic>? _diagnostics;
    private IReadOnlyList<Cluster>? _clusters;

    /// <summary>All diagnostics of all items, in item order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics ??= [.. Items.SelectMany(i => i.Diagnostics)];

    /// <summary>Clusters ranked by count, largest first.</summary>
    public IReadOnlyList<Cluster> Clusters => _clusters ??= Clusterer.Cluster(Diagnostics);

    public int Errors => Diagnostics.Count(d => d.IsError);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int ItemsFailing => Items.Count(i => i.Failed);

    /// <summary>Items whose result came from the cache rather than a fresh run.</summary>
    public int Cached => Items.Count(i => i.Cached);

    /// <summary>How many diagnostics the cluster with <paramref name="key"/> has (0 when absent).</summary>
    public int CountOf(ClusterKey key) => Clusters.FirstOrDefault(c => c.Key == key)?.Count ?? 0;
}
