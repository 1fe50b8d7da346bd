namespace Nightshift.Store.Migrations;

/// <summary>
/// Crash-safe landing. The lander journals an intent (attempt, ticket, parent commit) before it makes the commit, and
/// swaps it for the commit row once the branch points at it; an intent left by a crash is resolved at the next start
/// against the branch. A voided intent gives its ticket number back in <c>released_tickets</c>, where the next landing
/// takes it, so ticket numbers are neither skipped nor repeated.
/// </summary>
internal static class V003LandingIntents
{
    public static Migration Migration { get; } = new(3, "landing intents", """
        CREATE TABLE landing_intents (
            attempt_id    INTEGER PRIMARY KEY REFERENCES attempts (id),
            session_id    INTEGER NOT NULL REFERENCES sessions (id),
            counter       TEXT NOT NULL,
            ticket_number INTEGER NOT NULL,
            ticket        TEXT NOT NULL,
            branch        TEXT NOT NULL,
            parent_sha    TEXT NOT NULL,
            created_at    TEXT NOT NULL,
            UNIQUE (counter, ticket_number)
        );
        CREATE INDEX landing_intents_by_session ON landing_intents (session_id);

        CREATE TABLE released_tickets (
            counter TEXT NOT NULL,
            number  INTEGER NOT NULL,
            PRIMARY KEY (counter, number)
        ) WITHOUT ROWID;
        """);
}
