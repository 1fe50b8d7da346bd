using Nightshift.Configuration;
using Nightshift.Reports;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Testing;
using Nightshift.Tests.Store;
using Nightshift.Tests.Support;
using Nightshift.Verification;
using Nightshift.Workloads.CrashWatch;

namespace Nightshift.Tests.Reports;

/// <summary>
/// Writes a real crash-watch session (through the Journal and telemetry APIs, with the payloads CrashQueue and CrashPipeline
/// write) of four crashes. Every figure the crash report specs expect is worked out by hand here.
/// </summary>
/// <remarks>
/// Session 1, crash-watch, 2025-03-02 01:00 to 01:45, stop reason interrupted.
///   Crash 1 (task 1, divide), detected 01:10, latency 182.4 ms. Steps restart 1,200 + analyze 850 + agent 20,000 + build 4,100 +
///     verdict 3,000 + land 300 + push 0 + deploy 2,500 = 31,950 ms; crash_done deployed in 32,000 ms, NS-0001. A second report of
///     it came during the agent step (01:10:22, latency 95 ms): attached, so it was seen twice. Attempt 1 (replay, 1,000/200 tokens, $0.02).
///   Crash 2 (task 2, item), detected 01:20, latency 240 ms. restart 1,000 + analyze 1,000 + agent 15,000 + build 5,000 + verdict 4,000
///     + land 500 + push 0 + deploy 30,000 (failed) = 56,500 ms; crash_done rolledback in 56,600 ms, NS-0002, with a deploy_failed alert.
///     Attempt 2 (replay, 1,200/300, $0.03).
///   Crash 3 (task 3, parse), detected 01:30, latency 310 ms, two rungs of the ladder: restart 900, then small: analyze 700 + agent
///     10,000 + build 4,000 + verdict 3,000 (failed: a test broke), then large: analyze 600 + agent 25,000 + build 2,000 (failed) +
///     verdict 100 (failed: the build failed) = 46,300 ms; crash_done rejected in 46,400 ms, with a crash_unfixed alert. The large
///     rung's steps name their agent only in crash_done. Attempts 3 (small, 800/100, $0.01) and 4 (large, 3,000/600, $0.12), rejected.
///   Crash 4 (task 4, lookup), detected 01:40, latency 150 ms: restart 1,000 + analyze 800, then the agent step started and the
///     session was interrupted at 01:45: no crash_done, 1,800 ms so far. Attempt 5 (replay) abandoned.
/// Tally: 4 crashes, 1 deployed, 0 landed, 1 rejected, 0 failed, 1 rolled back, 1 interrupted. 5 attempts: 2 landed, 2 rejected,
/// 1 abandoned; 6,000 tokens in, 1,200 out, $0.18.
/// </remarks>
internal static class CrashJournal
{
    public const string Branch = "nightshift/crash-watch-1";
    public const string DivideTitle = "attempt to divide by zero in handlers::divide";
    public const string ItemTitle = "index out of bounds: the len is 3 but the index is 7 in handlers::item";
    public const string ParseTitle = "invalid digit found in string in handlers::parse";
    public const string LookupTitle = "called `Option::unwrap()` on a `None` value in handlers::lookup";
    public const string ShaDivide = "d1v1d3d1v1d3d1v1d3d1v1d3d1v1d3d1v1d3d1v1";
    public const string ShaItem = "17e4417e4417e4417e4417e4417e4417e4417e44";
    public const string TestBroke = "test tests::parse_rejects_words passed at baseline and failed after";
    public const string BuildFailed = "the build failed: 'cargo build' exited 101: error[E0308]: mismatched types";

    public static readonly RejectionReason TestBrokeReason = new RejectionReason.TestBroke("tests::parse_rejects_words", TestOutcome.Failed, null);
    public static readonly RejectionReason BuildFailedReason = new RejectionReason.BuildFailed("'cargo build' exited 101: error[E0308]: mismatched types");

    private static readonly Nightshift.Verification.TestFigures _allPass = new(3, 3, 3, 3, 1, true, true, []);
    private static readonly Nightshift.Verification.TestFigures _oneBroke = new(3, 3, 2, 3, 1, true, true, []);
    public const string HealthFailed = "GET /health answered 404 within 3s";

    private static readonly CancellationToken _ct = CancellationToken.None;

    /// <summary>Writes the session into <c>&lt;nightshiftDirectory&gt;/nightshift.db</c> (and its JSONL files).</summary>
    public static async Task WriteAsync(string nightshiftDirectory)
    {
        var clock = new ManualClock(NightJournal.At("2025-03-02T01:00:00Z"));
        await using var journal = Journal.Open(Path.Combine(nightshiftDirectory, "nightshift.db"), clock);
        var session = await journal.StartSessionAsync(CrashWatchSession.Workload, Branch, "h", _ct);
        var telemetry = SessionTelemetry.Start(NightshiftFolder.Of(nightshiftDirectory), journal, session, new LimitsConfig(), clock);
        var watch = new CrashSession(journal, telemetry, clock, session.Id);

        clock.Now = NightJournal.At("2025-03-02T01:10:00Z");
        var divide = await watch.DetectAsync("sig-divide", DivideTitle, 182.4);
        await divide.StepAsync("restart", "ok", 1200, "restarted repository, healthy after 1.1 s");
        await divide.BeginAttemptAsync("replay");
        await divide.StepAsync("analyze", "ok", 850, "1 own frame(s) in 1 file(s), 2 recent commit(s)");
        await divide.StepAsync("agent", "ok", 20_000, "done, 1 file(s) changed");
        await watch.AttachAsync(divide, 95);
        await divide.StepAsync("build", "ok", 4100, "ok in 4.1 s");
        var accepted = TestVerdicts.Crash(true, [], "ok in 4.1 s", "exits 0", _allPass);
        await divide.StepAsync("verdict", "ok", 3000, $"accepted: {accepted.Figures.Verified}");
        await divide.LandAsync("NS-0001", ShaDivide, accepted, 1000, 200, 0.02m);
        await divide.StepAsync("land", "ok", 300, $"NS-0001 {ShaDivide[..12]} on {Branch}");
        await divide.StepAsync("push", "skipped", 0, "landing.push is off");
        await divide.StepAsync("deploy", "ok", 2500, "attempt-1 healthy after 2.4 s");
        await divide.DoneAsync(CrashResults.Deployed, 32_000, "NS-0001", ShaDivide, problem: null);

        clock.Now = NightJournal.At("2025-03-02T01:20:00Z");
        var item = await watch.DetectAsync("sig-item", ItemTitle, 240);
        await item.StepAsync("restart", "ok", 1000, "restarted repository, healthy after 0.9 s");
        await item.BeginAttemptAsync("replay");
        await item.StepAsync("analyze", "ok", 1000, "1 own frame(s) in 1 file(s), 0 recent commit(s)");
        await item.StepAsync("agent", "ok", 15_000, "done, 1 file(s) changed");
        await item.StepAsync("build", "ok", 5000, "ok in 5.0 s");
        var itemVerdict = TestVerdicts.Crash(true, [], "ok in 5.0 s", "exits 0", _allPass);
        await item.StepAsync("verdict", "ok", 4000, $"accepted: {itemVerdict.Figures.Verified}");
        await item.LandAsync("NS-0002", ShaItem, itemVerdict, 1200, 300, 0.03m);
        await item.StepAsync("land", "ok", 500, $"NS-0002 {ShaItem[..12]} on {Branch}");
        await item.StepAsync("push", "skipped", 0, "landing.push is off");
        await item.StepAsync("deploy", "failed", 30_000, $"{HealthFailed}; rolled back to repository");
        await telemetry.AlertAsync(AlertSeverity.Critical, CrashAlerts.DeployFailed, $"NS-0002 ({ItemTitle}) failed the health check", _ct);
        await item.DoneAsync(CrashResults.RolledBack, 56_600, "NS-0002", ShaItem, HealthFailed);

        clock.Now = NightJournal.At("2025-03-02T01:30:00Z");
        var parse = await watch.DetectAsync("sig-parse", ParseTitle, 310);
        await parse.StepAsync("restart", "ok", 900, "restarted repository, healthy after 0.8 s");
        await parse.BeginAttemptAsync("small");
        await parse.StepAsync("analyze", "ok", 700, "1 own frame(s) in 1 file(s), 1 recent commit(s)", "small");
        await parse.StepAsync("agent", "ok", 10_000, "done, 1 file(s) changed", "small");
        await parse.StepAsync("build", "ok", 4000, "ok in 4.0 s", "small");
        await parse.StepAsync("verdict", "failed", 3000, $"rejected: {TestBroke}", "small");
        await parse.RejectAsync(TestVerdicts.Crash(false, [TestBrokeReason], "ok in 4.0 s", "exits 0", _oneBroke), 800, 100, 0.01m);
        await parse.BeginAttemptAsync("large");
        await parse.StepAsync("analyze", "ok", 600, "1 own frame(s) in 1 file(s), 1 recent commit(s)", "large", announced: false);
        await parse.StepAsync("agent", "ok", 25_000, "done, 2 file(s) changed", "large", announced: false);
        await parse.StepAsync("build", "failed", 2000, "'cargo build' exited 101: error[E0308]: mismatched types", "large", announced: false);
        await parse.StepAsync("verdict", "failed", 100, $"rejected: {BuildFailed}", "large", announced: false);
        await parse.RejectAsync(TestVerdicts.Crash(false, [BuildFailedReason], "failed", null), 3000, 600, 0.12m);
        await telemetry.AlertAsync(AlertSeverity.Warning, CrashAlerts.CrashUnfixed, $"The crash {ParseTitle} [sig-parse] was not fixed", _ct);
        await parse.DoneAsync(CrashResults.Rejected, 46_400, ticket: null, commit: null, $"verdict: rejected: {BuildFailed}");

        clock.Now = NightJournal.At("2025-03-02T01:40:00Z");
        var lookup = await watch.DetectAsync("sig-lookup", LookupTitle, 150);
        await lookup.StepAsync("restart", "ok", 1000, "restarted repository, healthy after 1.0 s");
        await lookup.BeginAttemptAsync("replay");
        await lookup.StepAsync("analyze", "ok", 800, "1 own frame(s) in 1 file(s), 0 recent commit(s)");
        await lookup.StartStepAsync("agent");

        clock.Now = NightJournal.At("2025-03-02T01:45:00Z");
        await journal.AbandonAttemptAsync(lookup.Attempt!.Value, "interrupted", _ct);
        await journal.EndSessionAsync(session.Id, "interrupted", _ct);
        await telemetry.EndAsync("interrupted", _ct);
    }
}
