using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

public sealed partial class Journal
{
    private const string SnapshotColumns = "id, session_id, taken_at, items, items_failing, errors, warnings, payload_json";

    /// <summary>Journals a snapshot and all its cluster rows in one transaction and returns the snapshot's id.</summary>
    public Task<long> SaveSnapshotAsync(NewSnapshot snapshot, IReadOnlyList<ClusterRow> clusters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(clusters);
        return WriteAsync(
            async transaction =>
            {
                var id = await transaction.Int64Async(
                    """
                    INSERT INTO snapshots (session_id, taken_at, items, items_failing, errors, warnings, payload_json)
                    VALUES ($session, $takenAt, $items, $failing, $errors, $warnings, $payload)
                    RETURNING id
                    """,
                    [("$session", snapshot.SessionId), ("$takenAt", JournalTime.Format(snapshot.TakenAt)), ("$items", snapshot.Items),
                        ("$failing", snapshot.ItemsFailing), ("$errors", snapshot.Errors), ("$warnings", snapshot.Warnings),
                        ("$payload", snapshot.PayloadJson)],
                    cancellationToken).ConfigureAwait(false);
                await InsertClustersAsync(transaction, id, clusters, cancellationToken).ConfigureAwait(false);
                return id;
            },
            cancellationToken);
    }

    public Task<SnapshotRow?> GetSnapshotAsync(long snapshotId, CancellationToken cancellationToken) =>
        ReadAsync(
            async transaction =>
            {
                var rows = await ReadSnapshotsAsync(
                    transaction, $"SELECT {SnapshotColumns} FROM snapshots WHERE id = $id", [("$id", snapshotId)], cancellationToken)
                    .ConfigureAwait(false);
                return rows.Count == 0 ? null : rows[0];
            },
            cancellationToken);

    /// <summary>Up to <paramref name="count"/> snapshots, newest first; of one session, or of all when <paramref name="sessionId"/> is null.</summary>
    public Task<IReadOnlyList<SnapshotRow>> LatestSnapshotsAsync(int count, long? sessionId, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => ReadSnapshotsAsync(
                transaction,
                $"""
                SELECT {SnapshotColumns} FROM snapshots
                WHERE $session IS NULL OR session_id = $session
                ORDER BY taken_at DESC, id DESC LIMIT $count
                """,
                [("$session", sessionId), ("$count", count)],
                cancellationToken),
            cancellationToken);

    private static async Task InsertClustersAsync(
        SqliteTransaction transaction, long snapshotId, IReadOnlyList<ClusterRow> clusters, CancellationToken cancellationToken)
    {
        // One prepared statement rebound per row: a corpus snapshot can carry hundreds of clusters.
        await using var insert = transaction.Command(
            """
            INSERT INTO snapshot_clusters (snapshot_id, key, tool, code, severity, count, items)
            VALUES ($snapshot, $key, $tool, $code, $severity, $count, $items)
            """,
            [("$snapshot", snapshotId), ("$key", null), ("$tool", null), ("$code", null), ("$severity", null), ("$count", null),
                ("$items", null)]);
        foreach (var cluster in clusters)
        {
            insert.Parameters["$key"].Value = cluster.Key;
            insert.Parameters["$tool"].Value = cluster.Tool;
            insert.Parameters["$code"].Value = (object?)cluster.Code ?? DBNull.Value;
            insert.Parameters["$severity"].Value = cluster.Severity;
            insert.Parameters["$count"].Value = cluster.Count;
            insert.Parameters["$items"].Value = cluster.Items;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<SnapshotRow>> ReadSnapshotsAsync(
        SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var heads = await transaction.QueryAsync(
            sql,
            parameters,
            row => new SnapshotRow(
                row.GetInt64(0),
                row.GetNullableInt64(1),
                row.GetTime(2),
                row.GetInt32(3),
                row.GetInt32(4),
                row.GetInt32(5),
                row.GetInt32(6),
                row.GetNullableString(7),
                []),
            cancellationToken).ConfigureAwait(false);
        var snapshots = new List<SnapshotRow>(heads.Count);
        foreach (var head in heads)
        {
            var clusters = await transaction.QueryAsync(
                """
                SELECT key, tool, code, severity, count, items FROM snapshot_clusters
                WHERE snapshot_id = $id ORDER BY count DESC, key
                """,
                [("$id", head.Id)],
                row => new ClusterRow(
                    row.GetString(0), row.GetString(1), row.GetNullableString(2), row.GetString(3), row.GetInt32(4), row.GetInt32(5)),
                cancellationToken).ConfigureAwait(false);
            snapshots.Add(head with { Clusters = clusters });
        }

        return snapshots;
    }
}
