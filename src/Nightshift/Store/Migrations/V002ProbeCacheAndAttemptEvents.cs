namespace Nightshift.Store.Migrations;

/// <summary>
/// Corpus probes re-run thousands of unchanged items every night: <c>probe_cache</c> keeps each
/// item's last result under a key that already includes what makes it stale (content hash,
/// toolchain version), so the cache needs no invalidation. Events gain the attempt they belong to,
/// so a transcript or an attempt's timeline is one indexed query instead of a JSON scan.
/// </summary>
internal static class V002ProbeCacheAndAttemptEvents
{
    public static Migration Migration { get; } = new(2, "probe cache, attempt events", """
        CREATE TABLE probe_cache (
            item_key    TEXT PRIMARY KEY,
            result_json TEXT NOT NULL,
            created_at  TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Added columns with REFERENCES must default to NULL; events written before this step keep NULL.
        ALTER TABLE events ADD COLUMN attempt_id INTEGER REFERENCES attempts (id);
        CREATE INDEX events_by_attempt ON events (attempt_id, id) WHERE attempt_id IS NOT NULL;

        -- status and the morning report ask for "the latest snapshots".
        CREATE INDEX snapshots_by_time ON snapshots (taken_at, id);
        """);
}
