using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

public sealed partial class Journal
{
    private const string EpisodeSelect =
        """
        SELECT e.id, e.attempt_id, a.session_id, e.workload, t.kind, t.key, e.task_json, e.outcome, a.agent, e.model,
               e.diagnostics_before_json, e.diagnostics_after_json, e.transcript_json, e.steps, e.steps_to_green,
               a.diff, a.verdict_json, a.transcript_path, e.created_at
        FROM episodes e
        JOIN attempts a ON a.id = e.attempt_id
        JOIN tasks t ON t.id = a.task_id
        """;

    /// <summary>Journals an episode of an attempt (normally right after its verdict, in the same transaction).</summary>
    public Task<EpisodeRow> RecordEpisodeAsync(NewEpisode episode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return WriteAsync(
            async transaction =>
            {
                var id = await transaction.Int64Async(
                    """
                    INSERT INTO episodes (attempt_id, workload, task_json, outcome, created_at, model, diagnostics_before_json,
                                          diagnostics_after_json, transcript_json, steps, steps_to_green)
                    VALUES ($attempt, $workload, $task, $outcome, $now, $model, $before, $after, $transcript, $steps, $green)
                    RETURNING id
                    """,
                    [("$attempt", episode.AttemptId), ("$workload", episode.Workload), ("$task", episode.TaskJson),
                        ("$outcome", episode.Outcome), ("$now", Now()), ("$model", episode.Model),
                        ("$before", episode.DiagnosticsBeforeJson), ("$after", episode.DiagnosticsAfterJson),
                        ("$transcript", episode.TranscriptJson), ("$steps", episode.Steps), ("$green", episode.StepsToGreen)],
                    cancellationToken).ConfigureAwait(false);
                return (await transaction.QuerySingleOrDefaultAsync(
                    $"{EpisodeSelect} WHERE e.id = $id", [("$id", id)], ReadEpisode, cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken);
    }

    /// <summary>The episodes matching <paramref name="query"/>, oldest first.</summary>
    public Task<IReadOnlyList<EpisodeRow>> ReadEpisodesAsync(EpisodeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync(
            transaction => transaction.QueryAsync(
                $"""
                {EpisodeSelect}
                WHERE ($workload IS NULL OR e.workload = $workload)
                  AND ($outcome IS NULL OR e.outcome = $outcome)
                  AND ($since IS NULL OR e.created_at >= $since)
                  AND ($until IS NULL OR e.created_at < $until)
                ORDER BY e.id
                """,
                [("$workload", query.Workload), ("$outcome", query.Outcome), ("$since", JournalTime.Format(query.Since)),
                    ("$until", JournalTime.Format(query.Until))],
                ReadEpisode,
                cancellationToken),
            cancellationToken);
    }

    private static EpisodeRow ReadEpisode(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.GetInt64(1),
        row.GetInt64(2),
        row.GetString(3),
        row.GetString(4),
        row.GetString(5),
        row.GetString(6),
        row.GetString(7),
        row.GetString(8),
        row.GetNullableString(9),
        row.GetNullableString(10),
        row.GetNullableString(11),
        row.GetNullableString(12),
        (int?)row.GetNullableInt64(13),
        (int?)row.GetNullableInt64(14),
        row.GetNullableString(15),
        row.GetNullableString(16),
        row.GetNullableString(17),
        row.GetTime(18));
}
