namespace Nightshift.Store.Migrations;

/// <summary>
/// Promotion that sticks (issue 19): every model the learn gate promoted, with the metrics it was promoted on and the
/// dataset it was trained on, and when (and why) it was rolled back. The current promoted model is the latest one not
/// rolled back. Each session records the model its agents used, so the report and status can say which it was.
/// </summary>
internal static class V006PromotionsAndSessionModel
{
    public static Migration Migration { get; } = new(6, "promotions and session model", """
        ALTER TABLE sessions ADD COLUMN model TEXT;
        CREATE TABLE promotions (
            id              INTEGER PRIMARY KEY,
            session_id      INTEGER NOT NULL REFERENCES sessions (id),
            model           TEXT NOT NULL,
            dataset         TEXT,
            pass_rate       REAL NOT NULL,
            metrics_json    TEXT NOT NULL,
            promoted_at     TEXT NOT NULL,
            rolled_back_at  TEXT,
            rollback_reason TEXT
        );
        """);
}
