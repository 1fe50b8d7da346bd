using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

public sealed partial class Journal
{
    private const string AttemptColumns =
        "id, session_id, task_id, agent, state, started_at, ended_at, stop_reason, tokens_in, tokens_out, cost_usd, diff, "
        + "transcript_path, verdict_json";

    /// <summary>Journals an attempt before the agent runs, so a crash leaves it visible as in flight.</summary>
    public Task<AttemptRow> BeginAttemptAsync(long sessionId, long taskId, string agent, CancellationToken cancellationToken) =>
        WriteAsync(
            async transaction => (await transaction.QuerySingleOrDefaultAsync(
                $"""
                INSERT INTO attempts (session_id, task_id, agent, state, started_at)
                VALUES ($session, $task, $agent, $started, $now)
                RETURNING {AttemptColumns}
                """,
                [("$session", sessionId), ("$task", taskId), ("$agent", agent), ("$started", AttemptState.Started.ToSql()),
                    ("$now", Now())],
                ReadAttempt,
                cancellationToken).ConfigureAwait(false))!,
            cancellationToken);

    /// <summary>Journals what the agent produced once it stopped: <see cref="AttemptState.Started"/> → <see cref="AttemptState.Finished"/>.</summary>
    /// <exception cref="InvalidOperationException">The attempt is missing or not started.</exception>
    public Task FinishAttemptAsync(long attemptId, AttemptResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WriteAsync(
            transaction => MoveAttemptAsync(
                transaction,
                attemptId,
                AttemptState.Finished,
                [AttemptState.Started],
                """
                ended_at = $now, stop_reason = $reason, tokens_in = $in, tokens_out = $out, cost_usd = $cost, diff = $diff,
                transcript_path = $transcript
                """,
                [("$now", Now()), ("$reason", result.StopReason), ("$in", result.TokensIn), ("$out", result.TokensOut),
                    ("$cost", (double)result.CostUsd), ("$diff", result.Diff), ("$transcript", result.TranscriptPath)],
                cancellationToken),
            cancellationToken);
    }

    /// <summary>Journals the verifier's decision: <see cref="AttemptState.Finished"/> → Verified or Rejected.</summary>
    /// <exception cref="InvalidOperationException">The attempt is missing or not finished.</exception>
    public Task RecordVerdictAsync(long attemptId, bool accepted, string verdictJson, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction => MoveAttemptAsync(
                transaction,
                attemptId,
                accepted ? AttemptState.Verified : AttemptState.Rejected,
                [AttemptState.Finished],
                "verdict_json = $verdict",
                [("$verdict", verdictJson)],
                cancellationToken),
            cancellationToken);

    /// <summary>Gives up an attempt short of a decision or a landing (crash found on resume, budget, landing failed).</summary>
    /// <exception cref="InvalidOperationException">The attempt is missing or already decided.</exception>
    public Task AbandonAttemptAsync(long attemptId, string reason, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction => MoveAttemptAsync(
                transaction,
                attemptId,
                AttemptState.Abandoned,
                [AttemptState.Started, AttemptState.Finished, AttemptState.Verified],
                "ended_at = coalesce(ended_at, $now), stop_reason = $reason",
                [("$now", Now()), ("$reason", reason)],
                cancellationToken),
            cancellationToken);

    public Task<AttemptRow?> GetAttemptAsync(long attemptId, CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QuerySingleOrDefaultAsync(
                $"SELECT {AttemptColumns} FROM attempts WHERE id = $id", [("$id", attemptId)], ReadAttempt, cancellationToken),
            cancellationToken);

    // The allowed source states are part of the UPDATE, so the check and the move are one statement:
    // no other writer can slip between them.
    private static async Task<bool> MoveAttemptAsync(
        SqliteTransaction transaction,
        long attemptId,
        AttemptState to,
        AttemptState[] from,
        string assignments,
        (string Name, object? Value)[] parameters,
        CancellationToken cancellationToken)
    {
        var allowed = string.Join(", ", from.Select(state => $"'{state.ToSql()}'"));
        var changed = await transaction.ExecuteAsync(
            $"UPDATE attempts SET state = $to, {assignments} WHERE id = $id AND state IN ({allowed})",
            [("$to", to.ToSql()), ("$id", attemptId), .. parameters],
            cancellationToken).ConfigureAwait(false);
        if (changed == 1)
        {
            return true;
        }

        var current = await transaction.ScalarAsync(
            "SELECT state FROM attempts WHERE id = $id", [("$id", attemptId)], cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException(current is null
            ? $"Attempt {attemptId} is not in the journal."
            : $"Attempt {attemptId} is {current}, so it cannot become {to.ToSql()}.");
    }

    private static AttemptRow ReadAttempt(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.GetInt64(1),
        row.GetInt64(2),
        row.GetString(3),
        StateNames.ToAttemptState(row.GetString(4)),
        row.GetTime(5),
        row.GetNullableTime(6),
        row.GetNullableString(7),
        row.GetInt64(8),
        row.GetInt64(9),
        Convert.ToDecimal(row.GetDouble(10), CultureInfo.InvariantCulture),
        row.GetNullableString(11),
        row.GetNullableString(12),
        row.GetNullableString(13));
}
