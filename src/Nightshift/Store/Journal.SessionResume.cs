using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

public sealed partial class Journal
{
    /// <summary>
    /// The latest session of <paramref name="workload"/> still marked running: one whose process died (a crash, a
    /// <c>kill -9</c>) without ending it. Null when every session of the workload ended.
    /// </summary>
    public Task<SessionRow?> UnfinishedSessionAsync(string workload, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QuerySingleOrDefaultAsync(
                $"SELECT {SessionColumns} FROM sessions WHERE workload = $workload AND state = $running ORDER BY id DESC LIMIT 1",
                [("$workload", workload), ("$running", SessionState.Running.ToSql())],
                ReadSession,
                cancellationToken),
            cancellationToken);

    /// <summary>Names the session's branch once it is known (a session is journaled before its branch is opened).</summary>
    /// <exception cref="InvalidOperationException">The session does not exist.</exception>
    public Task SetSessionBranchAsync(long sessionId, string branch, CancellationToken cancellationToken) =>
        SetSessionColumnAsync(sessionId, "branch", branch, cancellationToken);

    /// <summary>Records the sandbox the session's worktree commands run in (<see cref="Execution.Sandboxing.Sandbox.Name"/>).</summary>
    /// <exception cref="InvalidOperationException">The session does not exist.</exception>
    public Task SetSessionSandboxAsync(long sessionId, string sandbox, CancellationToken cancellationToken) =>
        SetSessionColumnAsync(sessionId, "sandbox", sandbox, cancellationToken);

    /// <summary>Records the model the session's agents ask for (the configured one, or the promoted one that replaced it).</summary>
    /// <exception cref="InvalidOperationException">The session does not exist.</exception>
    public Task SetSessionModelAsync(long sessionId, string model, CancellationToken cancellationToken) =>
        SetSessionColumnAsync(sessionId, "model", model, cancellationToken);

    private Task<bool> SetSessionColumnAsync(long sessionId, string column, string value, CancellationToken cancellationToken) =>
        WriteAsync(
            async transaction =>
            {
                var changed = await transaction.ExecuteAsync(
                    $"UPDATE sessions SET {column} = $value WHERE id = $id", [("$value", value), ("$id", sessionId)], cancellationToken)
                    .ConfigureAwait(false);
                return changed == 1 ? true : throw new InvalidOperationException($"Session {sessionId} is not in the journal.");
            },
            cancellationToken);

    /// <summary>
    /// Abandons the session's attempts short of a decision or a landing: on resume, what was in flight when the
    /// process died. Run it after the landing recovery, which settles the attempts whose commit did land.
    /// </summary>
    public Task AbandonSessionAttemptsAsync(long sessionId, string reason, CancellationToken cancellationToken) =>
        WriteAsync(transaction => AbandonAttemptsOfAsync(transaction, sessionId, reason, cancellationToken), cancellationToken);

    /// <summary>
    /// Marks a running session that will never be resumed as abandoned, with why: a new session started instead of
    /// <c>--resume</c>. Its attempts short of a decision are abandoned with it. Does nothing to a session that ended.
    /// </summary>
    public Task AbandonSessionAsync(long sessionId, string reason, CancellationToken cancellationToken) =>
        WriteAsync(
            async transaction =>
            {
                await AbandonAttemptsOfAsync(transaction, sessionId, reason, cancellationToken).ConfigureAwait(false);
                return await transaction.ExecuteAsync(
                    "UPDATE sessions SET state = $abandoned, ended_at = $now, stop_reason = $reason WHERE id = $id AND state = $running",
                    [("$abandoned", SessionState.Abandoned.ToSql()), ("$now", Now()), ("$reason", reason), ("$id", sessionId),
                        ("$running", SessionState.Running.ToSql())],
                    cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private Task<int> AbandonAttemptsOfAsync(SqliteTransaction transaction, long sessionId, string reason, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            """
            UPDATE attempts SET state = $abandoned, ended_at = coalesce(ended_at, $now), stop_reason = $reason
            WHERE session_id = $id AND state IN ($started, $finished, $verified)
            """,
            [("$abandoned", AttemptState.Abandoned.ToSql()), ("$now", Now()), ("$reason", reason), ("$id", sessionId),
                ("$started", AttemptState.Started.ToSql()), ("$finished", AttemptState.Finished.ToSql()),
                ("$verified", AttemptState.Verified.ToSql())],
            cancellationToken);
}
