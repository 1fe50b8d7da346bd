using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

public sealed partial class Journal
{
    private const string IntentColumns = "attempt_id, session_id, counter, ticket_number, ticket, branch, parent_sha";

    /// <summary>
    /// Reserves a ticket number of <paramref name="counter"/> and journals the landing intent that
    /// <paramref name="intentFor"/> builds with it, in one transaction. A number given back by a voided intent is
    /// taken first (the smallest), so numbers are never skipped; otherwise the counter advances. Numbers below
    /// <paramref name="atLeast"/> are never given: a given-back number below it stays unused.
    /// </summary>
    /// <exception cref="SqliteException">The attempt has an intent already, or does not exist.</exception>
    public Task<LandingIntent> BeginLandingAsync(
        string counter, long atLeast, Func<long, LandingIntent> intentFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intentFor);
        return WriteAsync(
            async transaction =>
            {
                var released = await transaction.ScalarAsync(
                    "DELETE FROM released_tickets WHERE counter = $counter AND number = "
                    + "(SELECT min(number) FROM released_tickets WHERE counter = $counter AND number >= $atLeast) RETURNING number",
                    [("$counter", counter), ("$atLeast", atLeast)],
                    cancellationToken).ConfigureAwait(false);
                var number = released is null
                    ? await NextTicketNumberAsync(counter, atLeast, cancellationToken).ConfigureAwait(false)
                    : Convert.ToInt64(released, CultureInfo.InvariantCulture);
                var intent = intentFor(number);
                await transaction.ExecuteAsync(
                    $"""
                    INSERT INTO landing_intents ({IntentColumns}, created_at)
                    VALUES ($attempt, $session, $counter, $number, $ticket, $branch, $parent, $now)
                    """,
                    [("$attempt", intent.AttemptId), ("$session", intent.SessionId), ("$counter", counter), ("$number", number),
                        ("$ticket", intent.Ticket), ("$branch", intent.Branch), ("$parent", intent.ParentSha), ("$now", Now())],
                    cancellationToken).ConfigureAwait(false);
                return intent with { Counter = counter, TicketNumber = number };
            },
            cancellationToken);
    }

    /// <summary>The landing reached the branch: records the commit (see <see cref="RecordCommitAsync"/>) and drops the intent, atomically.</summary>
    /// <exception cref="InvalidOperationException">No intent for the attempt, or the attempt is not verified; nothing is written.</exception>
    public Task CompleteLandingAsync(NewCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return WriteAsync(
            async transaction =>
            {
                await DeleteIntentAsync(transaction, commit.AttemptId, cancellationToken).ConfigureAwait(false);
                return await RecordCommitAsync(commit, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>The landing never reached the branch: drops the intent and gives its ticket number back for the next landing.</summary>
    /// <exception cref="InvalidOperationException">The attempt has no intent.</exception>
    public Task VoidLandingAsync(long attemptId, CancellationToken cancellationToken) =>
        WriteAsync(
            async transaction =>
            {
                var intent = await DeleteIntentAsync(transaction, attemptId, cancellationToken).ConfigureAwait(false);
                return await transaction.ExecuteAsync(
                    "INSERT INTO released_tickets (counter, number) VALUES ($counter, $number)",
                    [("$counter", intent.Counter), ("$number", intent.TicketNumber)],
                    cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Intents not yet completed or voided: after a crash, the landings that were in flight.</summary>
    public Task<IReadOnlyList<LandingIntent>> LandingIntentsAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QueryAsync(
                $"SELECT {IntentColumns} FROM landing_intents ORDER BY ticket_number", [], ReadIntent, cancellationToken),
            cancellationToken);

    private static async Task<LandingIntent> DeleteIntentAsync(
        SqliteTransaction transaction, long attemptId, CancellationToken cancellationToken) =>
        await transaction.QuerySingleOrDefaultAsync(
            $"DELETE FROM landing_intents WHERE attempt_id = $attempt RETURNING {IntentColumns}",
            [("$attempt", attemptId)],
            ReadIntent,
            cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Attempt {attemptId} has no landing intent in the journal.");

    private static LandingIntent ReadIntent(SqliteDataReader row) => new(
        row.GetInt64(0), row.GetInt64(1), row.GetString(2), row.GetInt64(3), row.GetString(4), row.GetString(5), row.GetString(6));
}
