namespace Nightshift.Store;

public sealed partial class Journal
{
    /// <summary>
    /// Increments the named counter (e.g. "ticket") and returns its new value, starting at 1. The counter
    /// lives in the journal, not in a session, so numbers never repeat across sessions or processes.
    /// </summary>
    public Task<long> NextTicketNumberAsync(string counterName, CancellationToken cancellationToken) =>
        NextTicketNumberAsync(counterName, 1, cancellationToken);

    /// <summary>
    /// Like <see cref="NextTicketNumberAsync(string, CancellationToken)"/>, but never below <paramref name="atLeast"/>: the
    /// counter jumps there when it is behind (<c>landing.ticket_start</c>, or tickets found on the branch's history).
    /// </summary>
    public Task<long> NextTicketNumberAsync(string counterName, long atLeast, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction => transaction.Int64Async(
                """
                INSERT INTO counters (name, value) VALUES ($name, max($atLeast, 1))
                ON CONFLICT (name) DO UPDATE SET value = max(value + 1, $atLeast)
                RETURNING value
                """,
                [("$name", counterName), ("$atLeast", atLeast)],
                cancellationToken),
            cancellationToken);

    /// <summary>
    /// Journals the ticketed commit of a verified attempt, in one transaction: the commit row, the attempt
    /// <see cref="AttemptState.Verified"/> → <see cref="AttemptState.Landed"/>, and its task solved.
    /// </summary>
    /// <exception cref="InvalidOperationException">The attempt is missing or not verified; nothing is written.</exception>
    public Task<long> RecordCommitAsync(NewCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return WriteAsync(
            async transaction =>
            {
                await MoveAttemptAsync(
                    transaction, commit.AttemptId, AttemptState.Landed, [AttemptState.Verified], "ended_at = coalesce(ended_at, $now)",
                    [("$now", Now())], cancellationToken).ConfigureAwait(false);
                await transaction.ExecuteAsync(
                    "UPDATE tasks SET state = $solved WHERE id = (SELECT task_id FROM attempts WHERE id = $attempt)",
                    [("$solved", TaskState.Solved.ToSql()), ("$attempt", commit.AttemptId)],
                    cancellationToken).ConfigureAwait(false);
                return await transaction.Int64Async(
                    """
                    INSERT INTO commits (session_id, attempt_id, ticket, sha, branch, message, created_at)
                    SELECT session_id, id, $ticket, $sha, $branch, $message, $now FROM attempts WHERE id = $attempt
                    RETURNING id
                    """,
                    [("$ticket", commit.Ticket), ("$sha", commit.Sha), ("$branch", commit.Branch), ("$message", commit.Message),
                        ("$now", Now()), ("$attempt", commit.AttemptId)],
                    cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
