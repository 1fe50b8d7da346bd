using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

public sealed partial class Journal
{
    private const string TaskColumns = "id, session_id, kind, key, title, payload_json, state, created_at";

    /// <summary>
    /// Journals an open task for the session, or returns the row already journaled under the same kind
    /// and key (unchanged), so that a resumed session picks its tasks up instead of duplicating them.
    /// </summary>
    public Task<TaskRow> EnsureTaskAsync(long sessionId, NewTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return WriteAsync(
            async transaction =>
            {
                await transaction.ExecuteAsync(
                    """
                    INSERT INTO tasks (session_id, kind, key, title, payload_json, state, created_at)
                    VALUES ($session, $kind, $key, $title, $payload, $open, $now)
                    ON CONFLICT (session_id, kind, key) DO NOTHING
                    """,
                    [("$session", sessionId), ("$kind", task.Kind), ("$key", task.Key), ("$title", task.Title),
                        ("$payload", task.PayloadJson), ("$open", TaskState.Open.ToSql()), ("$now", Now())],
                    cancellationToken).ConfigureAwait(false);
                return (await transaction.QuerySingleOrDefaultAsync(
                    $"SELECT {TaskColumns} FROM tasks WHERE session_id = $session AND kind = $kind AND key = $key",
                    [("$session", sessionId), ("$kind", task.Kind), ("$key", task.Key)],
                    ReadTask,
                    cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken);
    }

    /// <exception cref="InvalidOperationException">The task is not in the journal.</exception>
    public Task SetTaskStateAsync(long taskId, TaskState state, CancellationToken cancellationToken) =>
        WriteAsync(
            async transaction =>
            {
                var changed = await transaction.ExecuteAsync(
                    "UPDATE tasks SET state = $state WHERE id = $id", [("$state", state.ToSql()), ("$id", taskId)], cancellationToken)
                    .ConfigureAwait(false);
                return changed == 1 ? true : throw new InvalidOperationException($"Task {taskId} is not in the journal.");
            },
            cancellationToken);

    public Task<TaskRow?> GetTaskAsync(long taskId, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QuerySingleOrDefaultAsync(
                $"SELECT {TaskColumns} FROM tasks WHERE id = $id", [("$id", taskId)], ReadTask, cancellationToken),
            cancellationToken);

    private static TaskRow ReadTask(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.GetInt64(1),
        row.GetString(2),
        row.GetString(3),
        row.GetString(4),
        row.GetNullableString(5),
        StateNames.ToTaskState(row.GetString(6)),
        row.GetTime(7));
}
