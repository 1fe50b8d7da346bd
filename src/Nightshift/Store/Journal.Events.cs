using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

public sealed partial class Journal
{
    /// <summary>Appends an event stamped with the journal's clock and returns its id.</summary>
    public Task<long> AppendEventAsync(NewEvent newEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newEvent);
        return WriteAsync(
            transaction => transaction.Int64Async(
                """
                INSERT INTO events (session_id, attempt_id, at, kind, payload_json)
                VALUES ($session, $attempt, $now, $kind, $payload)
                RETURNING id
                """,
                [("$session", newEvent.SessionId), ("$attempt", newEvent.AttemptId), ("$now", Now()), ("$kind", newEvent.Kind),
                    ("$payload", newEvent.PayloadJson)],
                cancellationToken),
            cancellationToken);
    }

    /// <summary>Up to <paramref name="limit"/> events of a session with an id above <paramref name="afterId"/>, oldest first.</summary>
    public Task<IReadOnlyList<EventRow>> ReadEventsAsync(long sessionId, long afterId, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QueryAsync(
                """
                SELECT id, session_id, attempt_id, at, kind, payload_json FROM events
                WHERE session_id = $session AND id > $after ORDER BY id LIMIT $limit
                """,
                [("$session", sessionId), ("$after", afterId), ("$limit", limit)],
                ReadEvent,
                cancellationToken),
            cancellationToken);

    private static EventRow ReadEvent(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.GetInt64(1),
        row.GetNullableInt64(2),
        row.GetTime(3),
        row.GetString(4),
        row.GetNullableString(5));
}
