using Nightshift.Diagnostics;

namespace Nightshift.Clustering;

/// <summary>
/// Diagnostics that share a <see cref="ClusterKey"/>: the unit of work of a burn-down. The
/// diagnostics are ordered by file, line and column (those without a location last), so the
/// example is the first of them and is the same in every run over the same output.
/// </summary>
public sealed record Cluster
{
    public Cluster(ClusterKey key, IEnumerable<Diagnostic> diagnostics)
    {
        Key = key;
        Diagnostics = [.. diagnostics
            .OrderBy(d => d.Location is null)
            .ThenBy(d => d.Location?.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location?.Line ?? int.MaxValue)
            .ThenBy(d => d.Location?.Column ?? int.MaxValue)];
        if (Diagnostics.Count == 0)
        {
            throw new ArgumentException("A cluster has at least one diagnostic.", nameof(diagnostics));
        }

        Files = [.. Diagnostics.Select(d => d.Location?.File).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Items = [.. Diagnostics.Select(d => d.Item).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public ClusterKey Key { get; }

    public string Tool => Key.Tool;

    public string? Code => Key.Code;

    public Severity Severity => Key.Severity;

    public int Count => Diagnostics.Count;

    /// <summary>The distinct files the diagnostics are in, ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The distinct corpus items the diagnostics came from (the one item "(command)" for a one-command probe).</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>The representative diagnostic: the first by file, line and column.</summary>
    public Diagnostic Example => Diagnostics[0];

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
