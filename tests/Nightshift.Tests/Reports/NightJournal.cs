using Nightshift.Configuration;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Testing;
using Nightshift.Tests.Store;
using Nightshift.Tests.Support;
using Nightshift.Verification;

namespace Nightshift.Tests.Reports;

/// <summary>
/// Writes a real journal (through the Journal API, as the session loop would) of two nights. The second is
/// the one the report specs look at; every figure they expect is worked out by hand in the comments here.
/// </summary>
/// <remarks>
/// Night 1 (session 1): 2025-02-28 01:00 to 03:00, clusters-exhausted. Snapshots 50 then 40 errors; one
/// attempt (openai, $0.50) landed as NS-1.
/// Night 2 (session 2): 2025-03-01 02:00 to 06:00 (4h 00m), time-budget.
///   02:05 snapshot: 40 errors, 5 warnings = E0308 20, E0599 12, E0425 8, needless_return 5 (warning).
///   attempt 2 openai on E0308 02:06-02:10 (4m), 1200/300 tokens, $0.25, accepted tests 140/0, landed NS-2 with a Verified trailer.
///   attempt 3 anthropic on E0599 02:15-02:22 (7m), 900/200, $0.10, rejected: test_broke.
///   03:30 snapshot: 29 errors, 5 warnings = E0308 9, E0599 12, E0425 8, needless_return 5.
///   attempt 4 openai on E0599 03:31-03:40 (9m), 1500/400, $0.05, rejected: new_cluster + test_broke.
///   03:41 alert warning repeated_rejections.
///   attempt 5 anthropic on E0308 04:00-04:03 (3m), 800/100, $0.15, accepted tests 141/0, landed NS-3 without a trailer.
///   attempt 6 suggest on E0425 04:10, abandoned 04:15 (5m).
///   05:50 snapshot: 21 errors, 4 warnings = E0599 12, E0425 8, E0282 1 (new), needless_return 4.
///   05:55 alert info budget_exhausted.
/// Totals of night 2: 5 attempts (2 landed, 2 rejected, 1 abandoned), 4,400 tokens in, 1,000 out, $0.55.
/// </remarks>
internal static class NightJournal
{
    public const string ShaNs2 = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    public const string ShaNs3 = "0f1e2d3c4b5a69788796a5b4c3d2e1f001234567";
    public const string RepeatedRejections = "2 attempts in a row rejected on rustc:error:E0599";
    public const string BudgetNearlyOut = "10 minutes of the time budget left";

    public static readonly DateTimeOffset Morning = At("2025-03-01T07:00:00Z");

    private static readonly CancellationToken _ct = CancellationToken.None;

    public static ClusterRow E0308(int count) => new("rustc:error:E0308", "rustc", "E0308", "error", count, 1);

    public static ClusterRow E0599(int count) => new("rustc:error:E0599", "rustc", "E0599", "error", count, 1);

    public static ClusterRow E0425(int count) => new("rustc:error:E0425", "rustc", "E0425", "error", count, 1);

    public static ClusterRow E0282(int count) => new("rustc:error:E0282", "rustc", "E0282", "error", count, 1);

    public static ClusterRow NeedlessReturn(int count) => new("clippy:warning:needless_return", "clippy", "needless_return", "warning", count, 1);

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes both nights into <c>&lt;nightshiftDirectory&gt;/nightshift.db</c> (alerts also into its JSONL files).</summary>
    public static async Task WriteAsync(string nightshiftDirectory)
    {
        var clock = new ManualClock(At("2025-02-28T01:00:00Z"));
        await using var journal = Journal.Open(Path.Combine(nightshiftDirectory, "nightshift.db"), clock);
        await FirstNightAsync(journal, clock);
        await SecondNightAsync(journal, clock, nightshiftDirectory);
    }

    private static async Task FirstNightAsync(Journal journal, ManualClock clock)
    {
        var session = await journal.StartSessionAsync("burn-down", "nightshift/burn-down-1", "h1", _ct);
        await Snapshot(journal, session.Id, "2025-02-28T01:05:00Z", 50, 5, E0308(30), E0599(12), E0425(8), NeedlessReturn(5));
        clock.Now = At("2025-02-28T01:10:00Z");
        var attempt = await Attempt(journal, session.Id, "rustc:error:E0308", "openai");
        clock.Now = At("2025-02-28T01:20:00Z");
        await journal.FinishAttemptAsync(attempt, new AttemptResult("done", 2000, 500, 0.50m, "diff", null), _ct);
        await journal.RecordVerdictAsync(attempt, true, TestVerdicts.Cluster(true, TestVerdicts.Rustc("E0308"), 30, 20, 50, 40, 140, 140).Json(), _ct);
        await Land(journal, attempt, "NS-1: Fix E0308 in lexer", "ignored: the report reads the verdict", "1111111111111111111111111111111111111111");
        await Snapshot(journal, session.Id, "2025-02-28T02:00:00Z", 40, 5, E0308(20), E0599(12), E0425(8), NeedlessReturn(5));
        clock.Now = At("2025-02-28T03:00:00Z");
        await journal.EndSessionAsync(session.Id, "clusters-exhausted", _ct);
    }

    private static async Task SecondNightAsync(Journal journal, ManualClock clock, string nightshiftDirectory)
    {
        clock.Now = At("2025-03-01T02:00:00Z");
        var session = await journal.StartSessionAsync("burn-down", "nightshift/burn-down-2", "h2", _ct);
        var telemetry = SessionTelemetry.Start(NightshiftFolder.Of(nightshiftDirectory), journal, session, new LimitsConfig { TimeBudget = TimeSpan.FromHours(4) }, clock);
        await Snapshot(journal, session.Id, "2025-03-01T02:05:00Z", 40, 5, E0308(20), E0599(12), E0425(8), NeedlessReturn(5));

        clock.Now = At("2025-03-01T02:06:00Z");
        var a2 = await Attempt(journal, session.Id, "rustc:error:E0308", "openai");
        clock.Now = At("2025-03-01T02:10:00Z");
        await journal.FinishAttemptAsync(a2, new AttemptResult("done", 1200, 300, 0.25m, "diff", null), _ct);
        await journal.RecordVerdictAsync(a2, true, TestVerdicts.Cluster(true, TestVerdicts.Rustc("E0308"), 20, 9, 40, 29, 140, 140).Json(), _ct);
        clock.Now = At("2025-03-01T02:11:00Z");
        await Land(journal, a2, "NS-2: Fix E0308 in parser::expr", "ignored: the report reads the verdict", ShaNs2);

        clock.Now = At("2025-03-01T02:15:00Z");
        var a3 = await Attempt(journal, session.Id, "rustc:error:E0599", "anthropic");
        clock.Now = At("2025-03-01T02:22:00Z");
        await journal.FinishAttemptAsync(a3, new AttemptResult("done", 900, 200, 0.10m, "diff", null), _ct);
        await journal.RecordVerdictAsync(
            a3, false,
            TestVerdicts.Cluster(false, TestVerdicts.Rustc("E0599"), 12, 10, 29, 27, 138, 140, new RejectionReason.TestBroke("parser::tests::expr", TestOutcome.Failed, null)).Json(),
            _ct);

        await Snapshot(journal, session.Id, "2025-03-01T03:30:00Z", 29, 5, E0308(9), E0599(12), E0425(8), NeedlessReturn(5));

        clock.Now = At("2025-03-01T03:31:00Z");
        var a4 = await Attempt(journal, session.Id, "rustc:error:E0599", "openai");
        clock.Now = At("2025-03-01T03:40:00Z");
        await journal.FinishAttemptAsync(a4, new AttemptResult("done", 1500, 400, 0.05m, "diff", null), _ct);
        await journal.RecordVerdictAsync(
            a4, false,
            TestVerdicts.Cluster(
                false, TestVerdicts.Rustc("E0599"), 12, 11, 29, 31, null, null,
                new RejectionReason.NewCluster(TestVerdicts.Rustc("E0282"), 3),
                new RejectionReason.TestBroke("lexer::tests::eof", TestOutcome.Failed, null)).Json(),
            _ct);
        clock.Now = At("2025-03-01T03:41:00Z");
        await telemetry.AlertAsync(AlertSeverity.Warning, AlertKinds.RepeatedRejections, RepeatedRejections, _ct);

        clock.Now = At("2025-03-01T04:00:00Z");
        var a5 = await Attempt(journal, session.Id, "rustc:error:E0308", "anthropic");
        clock.Now = At("2025-03-01T04:03:00Z");
        await journal.FinishAttemptAsync(a5, new AttemptResult("done", 800, 100, 0.15m, "diff", null), _ct);
        await journal.RecordVerdictAsync(a5, true, TestVerdicts.Cluster(true, TestVerdicts.Rustc("E0308"), 9, 8, 29, 28, 141, 141).Json(), _ct);
        clock.Now = At("2025-03-01T04:04:00Z");
        await Land(journal, a5, "NS-3: Fix E0308 in parser::stmt", verified: null, ShaNs3);

        clock.Now = At("2025-03-01T04:10:00Z");
        var a6 = await Attempt(journal, session.Id, "rustc:error:E0425", "suggest");
        clock.Now = At("2025-03-01T04:15:00Z");
        await journal.AbandonAttemptAsync(a6, "budget", _ct);

        await Snapshot(journal, session.Id, "2025-03-01T05:50:00Z", 21, 4, E0599(12), E0425(8), E0282(1), NeedlessReturn(4));
        clock.Now = At("2025-03-01T05:55:00Z");
        await telemetry.AlertAsync(AlertSeverity.Info, AlertKinds.BudgetExhausted, BudgetNearlyOut, _ct);
        await telemetry.EventAsync(new SessionEnded("time-budget", "the time budget ran out"), cancellationToken: _ct);

        clock.Now = At("2025-03-01T06:00:00Z");
        await journal.EndSessionAsync(session.Id, "time-budget", _ct);
        await telemetry.EndAsync("time-budget", _ct);
    }

    private static Task<long> Snapshot(Journal journal, long sessionId, string takenAt, int errors, int warnings, params ClusterRow[] clusters) =>
        journal.SaveSnapshotAsync(new NewSnapshot(sessionId, At(takenAt), 1, 1, errors, warnings), clusters, _ct);

    private static async Task<long> Attempt(Journal journal, long sessionId, string cluster, string agent)
    {
        var task = await journal.EnsureTaskAsync(sessionId, new NewTask("cluster", cluster, cluster), _ct);
        return (await journal.BeginAttemptAsync(sessionId, task.Id, agent, _ct)).Id;
    }

    private static async Task Land(Journal journal, long attemptId, string subject, string? verified, string sha)
    {
        var ticket = subject.Split(':')[0];
        var message = $"{subject}\n\nNightshift-Attempt: {attemptId}" + (verified is null ? "" : $"\nVerified: {verified}");
        await journal.RecordCommitAsync(new NewCommit(attemptId, ticket, sha, "nightshift/burn-down", message), _ct);
    }
}
