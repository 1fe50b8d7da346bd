using System.Globalization;

namespace Nightshift.Store;

// Reads for status, watch and the morning report: whole sessions at a time, oldest first.
public sealed partial class Journal
{
    /// <summary>Every session, oldest first.</summary>
    public Task<IReadOnlyList<SessionRow>> ListSessionsAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QueryAsync($"SELECT {SessionColumns} FROM sessions ORDER BY id", [], ReadSession, cancellationToken),
            cancellationToken);

    /// <summary>The session's snapshots with their clusters, in the order they were taken.</summary>
    public Task<IReadOnlyList<SnapshotRow>> SessionSnapshotsAsync(long sessionId, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => ReadSnapshotsAsync(
                transaction,
                $"SELECT {SnapshotColumns} FROM snapshots WHERE session_id = $session ORDER BY taken_at, id",
                [("$session", sessionId)],
                cancellationToken),
            cancellationToken);

    /// <summary>
    /// The session's first snapshot (its baseline) and its latest one, with clusters; both null without
    /// snapshots, the same row when there is one. Cheaper than <see cref="SessionSnapshotsAsync"/> for a
    /// status that is refreshed after every attempt.
    /// </summary>
    public Task<(SnapshotRow? First, SnapshotRow? Last)> FirstAndLastSnapshotAsync(long sessionId, CancellationToken cancellationToken) =>
        ReadAsync(
            async transaction =>
            {
                var first = await ReadSnapshotsAsync(
                    transaction,
                    $"SELECT {SnapshotColumns} FROM snapshots WHERE session_id = $session ORDER BY taken_at, id LIMIT 1",
                    [("$session", sessionId)],
                    cancellationToken).ConfigureAwait(false);
                var last = await ReadSnapshotsAsync(
                    transaction,
                    $"SELECT {SnapshotColumns} FROM snapshots WHERE session_id = $session ORDER BY taken_at DESC, id DESC LIMIT 1",
                    [("$session", sessionId)],
                    cancellationToken).ConfigureAwait(false);
                return (first.Count == 0 ? null : first[0], last.Count == 0 ? null : last[0]);
            },
            cancellationToken);

    /// <summary>The session's attempts in the order they started.</summary>
    public Task<IReadOnlyList<AttemptRow>> SessionAttemptsAsync(long sessionId, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QueryAsync(
                $"SELECT {AttemptColumns} FROM attempts WHERE session_id = $session ORDER BY id",
                [("$session", sessionId)],
                ReadAttempt,
                cancellationToken),
            cancellationToken);

    /// <summary>The session's tasks in the order they were created.</summary>
    public Task<IReadOnlyList<TaskRow>> SessionTasksAsync(long sessionId, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QueryAsync(
                $"SELECT {TaskColumns} FROM tasks WHERE session_id = $session ORDER BY id",
                [("$session", sessionId)],
                ReadTask,
                cancellationToken),
            cancellationToken);

    /// <summary>The session's commits in the order they landed.</summary>
    public Task<IReadOnlyList<CommitRow>> SessionCommitsAsync(long sessionId, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QueryAsync(
                """
                SELECT id, session_id, attempt_id, ticket, sha, branch, message, created_at FROM commits
                WHERE session_id = $session ORDER BY id
                """,
                [("$session", sessionId)],
                row => new CommitRow(
                    row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetString(3), row.GetString(4), row.GetString(5),
                    row.GetString(6), row.GetTime(7)),
                cancellationToken),
            cancellationToken);

    /// <summary>The session's events of one kind (e.g. "alert"), oldest first.</summary>
    public Task<IReadOnlyList<EventRow>> SessionEventsOfKindAsync(long sessionId, string kind, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QueryAsync(
                """
                SELECT id, session_id, attempt_id, at, kind, payload_json FROM events
                WHERE session_id = $session AND kind = $kind ORDER BY id
                """,
                [("$session", sessionId), ("$kind", kind)],
                ReadEvent,
                cancellationToken),
            cancellationToken);

    /// <summary>What each session did (one row per session, oldest first), or only <paramref name="sessionId"/>'s when given.</summary>
    public Task<IReadOnlyList<SessionTotalsRow>> SessionTotalsAsync(long? sessionId, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QueryAsync(
                """
                SELECT s.id,
                    (SELECT count(*) FROM commits c WHERE c.session_id = s.id),
                    coalesce(a.attempts, 0), coalesce(a.rejected, 0), coalesce(a.tokens_in, 0), coalesce(a.tokens_out, 0),
                    coalesce(a.cost, 0),
                    (SELECT errors FROM snapshots f WHERE f.session_id = s.id ORDER BY f.taken_at, f.id LIMIT 1),
                    (SELECT errors FROM snapshots l WHERE l.session_id = s.id ORDER BY l.taken_at DESC, l.id DESC LIMIT 1)
                FROM sessions s
                LEFT JOIN (
                    SELECT session_id, count(*) AS attempts, sum(state = 'rejected') AS rejected, sum(tokens_in) AS tokens_in,
                        sum(tokens_out) AS tokens_out, sum(cost_usd) AS cost
                    FROM attempts GROUP BY session_id
                ) a ON a.session_id = s.id
                WHERE $session IS NULL OR s.id = $session
                ORDER BY s.id
                """,
                [("$session", sessionId)],
                row => new SessionTotalsRow(
                    row.GetInt64(0),
                    row.GetInt32(1),
                    row.GetInt32(2),
                    row.GetInt32(3),
                    row.GetInt64(4),
                    row.GetInt64(5),
                    // Summed as REAL in SQLite; 15 significant digits drop the binary noise (0.1 + 0.2).
                    Convert.ToDecimal(row.GetDouble(6), CultureInfo.InvariantCulture),
                    row.IsDBNull(7) ? null : row.GetInt32(7),
                    row.IsDBNull(8) ? null : row.GetInt32(8)),
                cancellationToken),
            cancellationToken);
}
