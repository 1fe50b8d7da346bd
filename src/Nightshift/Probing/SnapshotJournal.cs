using System.Text.Json;
using Nightshift.Diagnostics;
using Nightshift.Store;

namespace Nightshift.Probing;

/// <summary>Journals a <see cref="Snapshot"/>: its totals, one row per cluster and a per-item summary.</summary>
public static class SnapshotJournal
{
    /// <summary>Saves <paramref name="snapshot"/>, taken at <paramref name="takenAt"/> (in <paramref name="sessionId"/>, or outside any session), and returns its id.</summary>
    public static Task<long> SaveAsync(
        this Journal journal, Snapshot snapshot, DateTimeOffset takenAt, long? sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshot);
        var row = new NewSnapshot(
            sessionId, takenAt, snapshot.Items.Count, snapshot.ItemsFailing, snapshot.Errors, snapshot.Warnings, Payload(snapshot));
        return journal.SaveSnapshotAsync(row, ClusterRows(snapshot), cancellationToken);
    }

    /// <summary>The journal's view of the clusters, ranked as the snapshot ranks them.</summary>
    public static IReadOnlyList<ClusterRow> ClusterRows(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return [.. snapshot.Clusters.Select(c => new ClusterRow(
            c.Key.ToString(), c.Tool, c.Code, SeverityName(c.Severity), c.Count, c.Items.Count))];
    }

    /// <summary>"error", "warning", ...: how severities are spelled in the journal and in JSON output.</summary>
    public static string SeverityName(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>
    /// What the cluster rows do not hold: each item's outcome (for "which items broke?") and each cluster's
    /// example (for reports and diffs that show what a new cluster looks like).
    /// </summary>
    private static string Payload(Snapshot snapshot) => JsonSerializer.Serialize(
        new SnapshotPayload(
            [.. snapshot.Items.Select(i => new ItemSummary(
                i.Item, i.ExitCode, i.Diagnostics.Count(d => d.IsError), i.Diagnostics.Count(d => d.Severity == Severity.Warning),
                i.Cached, (long)i.Duration.TotalMilliseconds))],
            snapshot.Clusters.ToDictionary(c => c.Key.ToString(), c => DiagnosticLine.Format(c.Example), StringComparer.Ordinal)),
        DiagnosticJson.Options);
}
