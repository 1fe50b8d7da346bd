namespace Nightshift.Store;

public sealed partial class Journal
{
    /// <summary>
    /// The cached probe result of one item, or null. The key must already name everything that makes a
    /// result stale (the item's content hash, the toolchain version): entries are never invalidated.
    /// </summary>
    public Task<string?> GetCachedProbeAsync(string itemKey, CancellationToken cancellationToken) =>
        ReadAsync(
            async transaction => (string?)await transaction.ScalarAsync(
                "SELECT result_json FROM probe_cache WHERE item_key = $key", [("$key", itemKey)], cancellationToken).ConfigureAwait(false),
            cancellationToken);

    /// <summary>Stores (or replaces) the probe result of one item.</summary>
    public Task CacheProbeAsync(string itemKey, string resultJson, CancellationToken cancellationToken) =>
        WriteAsync(
            transaction => transaction.ExecuteAsync(
                """
                INSERT INTO probe_cache (item_key, result_json, created_at) VALUES ($key, $result, $now)
                ON CONFLICT (item_key) DO UPDATE SET result_json = excluded.result_json, created_at = excluded.created_at
                """,
                [("$key", itemKey), ("$result", resultJson), ("$now", Now())],
                cancellationToken),
            cancellationToken);
}
