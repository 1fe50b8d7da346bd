using Microsoft.Data.Sqlite;

namespace Nightshift.Store;

// The models the learn gate promoted: the latest one not rolled back is the one every workload may use.
public sealed partial class Journal
{
    private const string PromotionColumns =
        "id, session_id, model, dataset, pass_rate, metrics_json, promoted_at, rolled_back_at, rollback_reason";

    /// <summary>Journals a promotion; it becomes the current promoted model.</summary>
    public Task<PromotionRow> RecordPromotionAsync(NewPromotion promotion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        return WriteAsync(
            async transaction => (await transaction.QuerySingleOrDefaultAsync(
                $"""
                INSERT INTO promotions (session_id, model, dataset, pass_rate, metrics_json, promoted_at)
                VALUES ($session, $model, $dataset, $passRate, $metrics, $now)
                RETURNING {PromotionColumns}
                """,
                [("$session", promotion.SessionId), ("$model", promotion.Model), ("$dataset", promotion.Dataset),
                    ("$passRate", promotion.PassRate), ("$metrics", promotion.MetricsJson), ("$now", Now())],
                ReadPromotion,
                cancellationToken).ConfigureAwait(false))!,
            cancellationToken);
    }

    /// <summary>The current promoted model: the latest promotion not rolled back; null when there is none.</summary>
    public Task<PromotionRow?> CurrentPromotionAsync(CancellationToken cancellationToken) =>
        ReadAsync(transaction => CurrentPromotionAsync(transaction, cancellationToken), cancellationToken);

    /// <summary>Every promotion, oldest first, the rolled-back ones too.</summary>
    public Task<IReadOnlyList<PromotionRow>> ListPromotionsAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            transaction => transaction.QueryAsync($"SELECT {PromotionColumns} FROM promotions ORDER BY id", [], ReadPromotion, cancellationToken),
            cancellationToken);

    /// <summary>
    /// Rolls the current promotion back, so the one promoted before it (or, when none stands, the configured model) is used
    /// again. Returns the promotion rolled back and the one now current; null for the first when nothing was promoted.
    /// </summary>
    public Task<(PromotionRow? RolledBack, PromotionRow? Current)> RollBackPromotionAsync(string reason, CancellationToken cancellationToken) =>
        WriteAsync(
            async transaction =>
            {
                if (await CurrentPromotionAsync(transaction, cancellationToken).ConfigureAwait(false) is not { } current)
                {
                    return ((PromotionRow?)null, (PromotionRow?)null);
                }

                var rolledBack = await transaction.QuerySingleOrDefaultAsync(
                    $"UPDATE promotions SET rolled_back_at = $now, rollback_reason = $reason WHERE id = $id RETURNING {PromotionColumns}",
                    [("$now", Now()), ("$reason", reason), ("$id", current.Id)],
                    ReadPromotion,
                    cancellationToken).ConfigureAwait(false);
                return (rolledBack, await CurrentPromotionAsync(transaction, cancellationToken).ConfigureAwait(false));
            },
            cancellationToken);

    private static Task<PromotionRow?> CurrentPromotionAsync(SqliteTransaction transaction, CancellationToken cancellationToken) =>
        transaction.QuerySingleOrDefaultAsync(
            $"SELECT {PromotionColumns} FROM promotions WHERE rolled_back_at IS NULL ORDER BY id DESC LIMIT 1", [], ReadPromotion, cancellationToken);

    private static PromotionRow ReadPromotion(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.GetInt64(1),
        row.GetString(2),
        row.GetNullableString(3),
        row.GetDouble(4),
        row.GetString(5),
        row.GetTime(6),
        row.GetNullableTime(7),
        row.GetNullableString(8));
}
