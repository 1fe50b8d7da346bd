using System.Globalization;
using Nightshift.Store;

namespace Nightshift.Tests.Store;

/// <summary>
/// Rows written with plain SQL right after each schema version is reached, for the migration test.
/// A new migration adds its version's rows here (the rows of its new tables and columns).
/// </summary>
internal static class JournalSeeds
{
    public static SessionRow Session { get; } = new(
        1, "burn-down", "nightshift/burn-down-1", DateTimeOffset.Parse("2025-03-01T02:00:00Z", CultureInfo.InvariantCulture),
        DateTimeOffset.Parse("2025-03-01T06:00:00Z", CultureInfo.InvariantCulture), "time-budget", "abc123", SessionState.Ended);

    public static IReadOnlyDictionary<int, string> For { get; } = new Dictionary<int, string>
    {
        [1] = """
            INSERT INTO sessions VALUES (1, 'burn-down', 'nightshift/burn-down-1', '2025-03-01T02:00:00.000Z',
                '2025-03-01T06:00:00.000Z', 'time-budget', 'abc123', 'ended');
            INSERT INTO phases (session_id, name, started_at, ended_at)
                VALUES (1, 'baseline', '2025-03-01T02:00:00.000Z', '2025-03-01T02:05:00.000Z');
            INSERT INTO tasks VALUES (1, 1, 'cluster', 'rustc:E0308', 'mismatched types', '{"count":3}', 'solved',
                '2025-03-01T02:05:00.000Z');
            INSERT INTO attempts VALUES (1, 1, 1, 'suggest', 'landed', '2025-03-01T02:06:00.000Z', '2025-03-01T02:09:00.000Z',
                'done', 1200, 340, 0.25, '--- a/src/lib.rs', '.nightshift/transcripts/1.jsonl', '{"accepted":true}');
            INSERT INTO events (session_id, at, kind, payload_json) VALUES
                (1, '2025-03-01T02:00:00.000Z', 'session-started', NULL),
                (1, '2025-03-01T02:09:00.000Z', 'attempt-landed', '{"attempt":1}');
            INSERT INTO snapshots VALUES (1, 1, '2025-03-01T02:05:00.000Z', 12, 3, 5, 2, NULL);
            INSERT INTO snapshot_clusters VALUES
                (1, 'rustc:E0308', 'rustc', 'E0308', 'error', 3, 2),
                (1, 'clippy:needless_return', 'clippy', 'needless_return', 'warning', 2, 1);
            INSERT INTO commits (session_id, attempt_id, ticket, sha, branch, message, created_at)
                VALUES (1, 1, 'NS-41', 'deadbeef', 'nightshift/burn-down-1', 'NS-41: fix E0308', '2025-03-01T02:09:00.000Z');
            INSERT INTO episodes (attempt_id, workload, task_json, outcome, created_at)
                VALUES (1, 'burn-down', '{}', 'landed', '2025-03-01T02:09:00.000Z');
            INSERT INTO counters VALUES ('ticket', 41);
            """,
        [2] = """
            INSERT INTO probe_cache VALUES ('crate-a@sha256:1', '{"errors":0}', '2025-03-01T02:01:00.000Z');
            INSERT INTO events (session_id, attempt_id, at, kind, payload_json)
                VALUES (1, 1, '2025-03-01T02:07:00.000Z', 'agent-step', '{"step":1}');
            """,
        [3] = """
            INSERT INTO landing_intents VALUES (1, 1, 'ticket', 42, 'NS-0042', 'nightshift/burn-down-1',
                '0123456789abcdef0123456789abcdef01234567', '2025-03-01T02:08:00.000Z');
            INSERT INTO released_tickets VALUES ('ticket', 40);
            """,
        [4] = """
            UPDATE episodes SET model = 'gpt-test', steps = 3, steps_to_green = 2 WHERE attempt_id = 1;
            """,
        [5] = """
            INSERT INTO sessions (workload, branch, started_at, config_hash, state, sandbox)
                VALUES ('burn-down', 'nightshift/burn-down-2', '2025-03-02T02:00:00.000Z', 'abc123', 'running', 'off');
            """,
    };
}
