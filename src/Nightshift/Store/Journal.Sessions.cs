using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

public sealed partial class Journal
{
    private const string SessionColumns = "id, workload, branch, started_at, ended_at, stop_reason, config_hash, state, sandbox, model";

    /// <summary>Journals a new running session.</summary>
    public Task<SessionRow> StartSessionAsync(string workload, string branch, string configHash, CancellationToken cancellationToken) =>
        WriteAsync(
            async transaction => (await transaction.QuerySingleOrDefaultAsync(
                $"""
                INSERT INTO sessions (workload, branch, started_at, config_hash, state)
                VALUES ($workload, $branch, $now, $configHash, $state)
                RETURNING {SessionColumns}
                """,
                [("$workload", workload), ("$branch", branch), ("$now", Now()), ("$configHash", configHash),
                    ("$state", SessionState.Running.ToSql())],
                ReadSession,
                cancellationToken).ConfigureAwait(false))!,
            cancellationToken);

    /// <summary>Ends a running session with the reason it stopped (a budget, no clusters left, interrupted...).</summary>
    /// <exception cref="InvalidOperationException">The session does not exist or is not running.</exception>
    public Task EndSessionAsync(long sessionId, string stopReason, CancellationToken cancellationToken) =>
        WriteAsync(
            async transaction =>
            {
                var changed = await transaction.ExecuteAsync(
                    "UPDATE sessions SET state = $ended, ended_at = $now, stop_reason = $reason WHERE id = $id AND state = $running",
                    [("$ended", SessionState.Ended.ToSql()), ("$now", Now()), ("$reason", stopReason), ("$id", sessionId),
                        ("$running", SessionState.Running.ToSql())],
                    cancellationToken).ConfigureAwait(false);
                if (changed == 0)
                {
                    var state = await transaction.ScalarAsync(
                        "SELECT state FROM sessions WHERE id = $id", [("$id", sessionId)], cancellationToken).ConfigureAwait(false);
                    throw new InvalidOperationException(state is null
                        ? $"Session {sessionId} is not in the journal."
                        : $"Session {sessionId} is {state}, so it cannot end again.");
                }

                return true;
            },
            cancellationToken);

    public Task<SessionRow?> GetSessionAsync(long sessionId, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QuerySingleOrDefaultAsync(
                $"SELECT {SessionColumns} FROM sessions WHERE id = $id", [("$id", sessionId)], ReadSession, cancellationToken),
            cancellationToken);

    /// <summary>The most recently started session, or null in a fresh journal.</summary>
    public Task<SessionRow?> LatestSessionAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QuerySingleOrDefaultAsync(
                $"SELECT {SessionColumns} FROM sessions ORDER BY id DESC LIMIT 1", [], ReadSession, cancellationToken),
            cancellationToken);

    /// <summary>Journals the start of a named phase of a session (baseline probe, burn-down, report) and returns its id.</summary>
    public Task<long> BeginPhaseAsync(long sessionId, string name, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction => transaction.Int64Async(
                "INSERT INTO phases (session_id, name, started_at) VALUES ($session, $name, $now) RETURNING id",
                [("$session", sessionId), ("$name", name), ("$now", Now())],
                cancellationToken),
            cancellationToken);

    /// <exception cref="InvalidOperationException">The phase does not exist or has already ended.</exception>
    public Task EndPhaseAsync(long phaseId, CancellationToken cancellationToken) =>
        WriteAsync(
            async transaction =>
            {
                var changed = await transaction.ExecuteAsync(
                    "UPDATE phases SET ended_at = $now WHERE id = $id AND ended_at IS NULL",
                    [("$now", Now()), ("$id", phaseId)],
                    cancellationToken).ConfigureAwait(false);
                return changed == 1 ? true : throw new InvalidOperationException($"Phase {phaseId} is not an open phase of the journal.");
            },
            cancellationToken);

    private static SessionRow ReadSession(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.GetString(1),
        row.GetString(2),
        row.GetTime(3),
        row.GetNullableTime(4),
        row.GetNullableString(5),
        row.GetString(6),
        StateNames.ToSessionState(row.GetString(7)),
        row.GetNullableString(8),
        row.GetNullableString(9));
}
