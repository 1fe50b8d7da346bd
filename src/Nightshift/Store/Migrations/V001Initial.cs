namespace Nightshift.Store.Migrations;

/// <summary>The first schema: one table per noun of the architecture.</summary>
internal static class V001Initial
{
    // Conventions: INTEGER PRIMARY KEY ids (the rowid), timestamps as ISO-8601 UTC text (see JournalTime),
    // *_json columns hold documents the engine parses at its boundary. Every reference is a foreign key,
    // so a row that points at nothing (a commit without its attempt, a cluster row without its snapshot)
    // cannot exist. Child columns of foreign keys are indexed, as SQLite's documentation recommends.
    public static Migration Migration { get; } = new(1, "initial", """
        CREATE TABLE sessions (
            id          INTEGER PRIMARY KEY,
            workload    TEXT NOT NULL,
            branch      TEXT NOT NULL,
            started_at  TEXT NOT NULL,
            ended_at    TEXT,
            stop_reason TEXT,
            config_hash TEXT NOT NULL,
            state       TEXT NOT NULL CHECK (state IN ('running', 'ended', 'abandoned'))
        );

        CREATE TABLE phases (
            id         INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            name       TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at   TEXT
        );
        CREATE INDEX phases_by_session ON phases (session_id);

        CREATE TABLE tasks (
            id           INTEGER PRIMARY KEY,
            session_id   INTEGER NOT NULL REFERENCES sessions (id),
            kind         TEXT NOT NULL,
            key          TEXT NOT NULL,
            title        TEXT NOT NULL,
            payload_json TEXT,
            state        TEXT NOT NULL CHECK (state IN ('open', 'solved', 'skipped')),
            created_at   TEXT NOT NULL,
            UNIQUE (session_id, kind, key)
        );

        CREATE TABLE attempts (
            id              INTEGER PRIMARY KEY,
            session_id      INTEGER NOT NULL REFERENCES sessions (id),
            task_id         INTEGER NOT NULL REFERENCES tasks (id),
            agent           TEXT NOT NULL,
            state           TEXT NOT NULL
                CHECK (state IN ('started', 'finished', 'verified', 'landed', 'rejected', 'abandoned')),
            started_at      TEXT NOT NULL,
            ended_at        TEXT,
            stop_reason     TEXT,
            tokens_in       INTEGER NOT NULL DEFAULT 0,
            tokens_out      INTEGER NOT NULL DEFAULT 0,
            cost_usd        REAL NOT NULL DEFAULT 0,
            diff            TEXT,
            transcript_path TEXT,
            verdict_json    TEXT
        );
        CREATE INDEX attempts_by_session ON attempts (session_id);
        CREATE INDEX attempts_by_task ON attempts (task_id);

        CREATE TABLE events (
            id           INTEGER PRIMARY KEY,
            session_id   INTEGER NOT NULL REFERENCES sessions (id),
            at           TEXT NOT NULL,
            kind         TEXT NOT NULL,
            payload_json TEXT
        );
        CREATE INDEX events_by_session ON events (session_id, id);

        CREATE TABLE snapshots (
            id            INTEGER PRIMARY KEY,
            session_id    INTEGER REFERENCES sessions (id),
            taken_at      TEXT NOT NULL,
            items         INTEGER NOT NULL,
            items_failing INTEGER NOT NULL,
            errors        INTEGER NOT NULL,
            warnings      INTEGER NOT NULL,
            payload_json  TEXT
        );
        CREATE INDEX snapshots_by_session ON snapshots (session_id);

        CREATE TABLE snapshot_clusters (
            snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
            key         TEXT NOT NULL,
            tool        TEXT NOT NULL,
            code        TEXT,
            severity    TEXT NOT NULL,
            count       INTEGER NOT NULL,
            items       INTEGER NOT NULL,
            PRIMARY KEY (snapshot_id, key)
        ) WITHOUT ROWID;

        CREATE TABLE commits (
            id         INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            attempt_id INTEGER NOT NULL UNIQUE REFERENCES attempts (id),
            ticket     TEXT NOT NULL UNIQUE,
            sha        TEXT NOT NULL,
            branch     TEXT NOT NULL,
            message    TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX commits_by_session ON commits (session_id);

        CREATE TABLE episodes (
            id         INTEGER PRIMARY KEY,
            attempt_id INTEGER NOT NULL REFERENCES attempts (id),
            workload   TEXT NOT NULL,
            task_json  TEXT NOT NULL,
            outcome    TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX episodes_by_attempt ON episodes (attempt_id);

        CREATE TABLE counters (
            name  TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        """);
}
