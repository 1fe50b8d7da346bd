using System.Text.Json;
using Nightshift.Configuration;
using Nightshift.Reports;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Tests.Store;
using Nightshift.Tests.Support;
using Nightshift.Verification;
using Nightshift.Workloads.CrashWatch;
using static Nightshift.Tests.Reports.CrashJournal;

namespace Nightshift.Tests.Reports;

public sealed class CrashReportLoaderSpecs : IDisposable
{
    private readonly TempDir _repo = new("crash-loader");

    [Fact(Timeout = 60_000)]
    public async Task Each_crash_is_listed_with_how_often_it_came_how_it_ended_and_how_long_it_took()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var report = await fixture.LoadAsync();

        report.Crashes.Select(c => (c.TaskId, c.Title, c.Seen, c.Runs, c.Result, c.Ticket, c.Commit, c.Duration, c.Latency)).Should().Equal(
            (1L, DivideTitle, 2, 1, "deployed", "NS-0001", ShaDivide, Ms(32_000), Ms(182.4)),
            (2L, ItemTitle, 1, 1, "rolledback", "NS-0002", ShaItem, Ms(56_600), Ms(240)),
            (3L, ParseTitle, 1, 1, "rejected", null, null, Ms(46_400), Ms(310)),
            (4L, LookupTitle, 1, 1, "interrupted", null, null, Ms(1800), Ms(150)));
        report.Crashes.Select(c => (c.Signature, c.Format, c.Kind, c.DetectedAt, c.Problem)).Should().Equal(
            ("sig-divide", "rust-panic", "panic", NightJournal.At("2025-03-02T01:10:00Z"), null),
            ("sig-item", "rust-panic", "panic", NightJournal.At("2025-03-02T01:20:00Z"), HealthFailed),
            ("sig-parse", "rust-panic", "panic", NightJournal.At("2025-03-02T01:30:00Z"), $"verdict: rejected: {BuildFailed}"),
            ("sig-lookup", "rust-panic", "panic", NightJournal.At("2025-03-02T01:40:00Z"), null));
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_step_is_listed_in_the_order_run_with_the_ladder_rung_it_ran_for()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var crashes = (await fixture.LoadAsync()).Crashes;

        crashes[0].Steps.Select(s => (s.Step, s.Outcome, s.Duration.TotalMilliseconds)).Should().Equal(
            ("restart", "ok", 1200), ("analyze", "ok", 850), ("agent", "ok", 20_000), ("build", "ok", 4100), ("verdict", "ok", 3000),
            ("land", "ok", 300), ("push", "skipped", 0), ("deploy", "ok", 2500));
        crashes[0].Steps[^1].Summary.Should().Be("attempt-1 healthy after 2.4 s");
        crashes[1].Steps[^1].Should().Be(new CrashStep("deploy", null, "failed", Ms(30_000), $"{HealthFailed}; rolled back to repository"));

        // The large rung's steps name their agent only in crash_done: the report takes it from there.
        crashes[2].Steps.Select(s => (s.Step, s.Agent, s.Outcome, s.Duration.TotalMilliseconds)).Should().Equal(
            ("restart", null, "ok", 900),
            ("analyze", "small", "ok", 700), ("agent", "small", "ok", 10_000), ("build", "small", "ok", 4000), ("verdict", "small", "failed", 3000),
            ("analyze", "large", "ok", 600), ("agent", "large", "ok", 25_000), ("build", "large", "failed", 2000), ("verdict", "large", "failed", 100));
        crashes[2].Steps[^1].Summary.Should().Be($"rejected: {BuildFailed}");

        crashes[3].Steps.Select(s => s.Step).Should().Equal(["restart", "analyze"], "the agent step never finished");
    }

    [Fact(Timeout = 60_000)]
    public async Task Crash_verdict_reasons_group_by_what_failed_and_their_test_figures_count()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        var report = await fixture.LoadAsync();

        report.Rejections.Should().BeEquivalentTo(
            [new RejectionGroup("build_failed", 1, [BuildFailed]), new RejectionGroup("test_broke", 1, [TestBroke])],
            o => o.WithStrictOrdering());
        report.Targets.Select(t => (t.Id, t.Outcome, t.Measured)).Should().Equal(
            [("commits", TargetOutcome.Missed, "2 commits"), ("tests_pass", TargetOutcome.Met, "3/3 passed")],
            "a crash-watch session without snapshots has no cluster target");
        report.Alerts.Select(a => a.Kind).Should().Equal(CrashAlerts.DeployFailed, CrashAlerts.CrashUnfixed);
        (report.Attempts.Count, report.RejectedAttempts, report.TokensIn, report.CostUsd).Should().Be((5, 2, 6000L, 0.18m));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_crash_verdict_reads_like_the_verifiers_with_each_reason_kind_and_the_tests_after()
    {
        RejectionReason[] reasons =
        [
            new RejectionReason.NoChange("timeout"),
            new RejectionReason.StillCrashes("exits 101"),
            BuildFailedReason,
            TestBrokeReason,
        ];
        var json = TestVerdicts.Crash(false, reasons, "failed", "exits 101", new Nightshift.Verification.TestFigures(3, 3, 2, 3, 1, true, true, [])).Json();

        var verdict = VerdictReader.Read(json);

        await Task.CompletedTask;
        verdict.Accepted.Should().BeFalse();
        verdict.Reasons.Should().Equal(
            new VerdictReason("no_change", "the attempt changed nothing (timeout)"),
            new VerdictReason("repro_still_crashes", "the repro still crashes: it exits 101"),
            new VerdictReason("build_failed", BuildFailed),
            new VerdictReason("test_broke", TestBroke));
        verdict.Tests.Should().Be(new Nightshift.Reports.TestFigures(2, 1));
    }

    [Fact(Timeout = 30_000)]
    public async Task Text_that_is_not_the_verifiers_verdict_reads_as_unreadable_rather_than_guessed_at()
    {
        var verdict = VerdictReader.Read("""{"accepted": false, "reasons": ["the moon is in the wrong phase"]}""");

        await Task.CompletedTask;
        verdict.Should().Be(VerdictSummary.Unreadable);
    }

    [Fact(Timeout = 60_000)]
    public async Task While_the_session_runs_a_started_crash_is_in_flight_and_one_that_came_back_is_queued_again()
    {
        var clock = new ManualClock(NightJournal.At("2025-03-02T01:00:00Z"));
        var directory = _repo[".nightshift"];
        await using var journal = Journal.Open(Path.Combine(directory, "nightshift.db"), clock);
        var session = await journal.StartSessionAsync(CrashWatchSession.Workload, "b", "h", CancellationToken.None);
        var watch = new CrashSession(journal, SessionTelemetry.Start(NightshiftFolder.Of(directory), journal, session, new LimitsConfig(), clock), clock, session.Id);
        var back = await watch.DetectAsync("sig-back", "came back", 100);
        await back.StepAsync("restart", "ok", 500, "restarted");
        await back.DoneAsync(CrashResults.Deployed, 600, "NS-0001", "abc", problem: null);
        var flying = await watch.DetectAsync("sig-flying", "in flight", 120);
        await flying.StepAsync("restart", "ok", 700, "restarted");
        await flying.StartStepAsync("analyze");
        await watch.RecurAsync(back, 90);
        await watch.DetectAsync("sig-waiting", "waiting", 80, start: false);

        var report = await ReportLoader.LoadAsync(journal, null, ReportTargets.Default, clock.Now, CancellationToken.None);

        report.Crashes.Select(c => (c.Title, c.Result, c.Seen, c.Runs, c.Ticket, c.Duration)).Should().Equal(
            ("came back", CrashResults.Queued, 2, 1, "NS-0001", Ms(600)),
            ("in flight", CrashResults.InFlight, 1, 1, null, Ms(700)),
            ("waiting", CrashResults.Queued, 1, 0, null, null));
        MarkdownReport.Render(report).Should().Contain("3 crashes: 0 deployed, 0 landed, 0 rejected, 0 failed, 0 rolled back, 2 queued, 1 in flight.");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_burn_down_session_has_no_crashes_and_its_json_lists_none()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var report = await fixture.LoadAsync();

        report.Crashes.Should().BeEmpty();
        using var json = JsonDocument.Parse(report.ToJson());
        json.RootElement.GetProperty("crashes").GetArrayLength().Should().Be(0);
        MarkdownReport.Render(report).Should().NotContain("## Crashes");
    }

    [Fact(Timeout = 60_000)]
    public async Task The_json_lists_the_crashes_with_durations_in_milliseconds()
    {
        using var fixture = await ReportFixture.CreateCrashWatchAsync();

        using var json = JsonDocument.Parse((await fixture.LoadAsync()).ToJson());

        var crashes = json.RootElement.GetProperty("crashes");
        crashes.GetArrayLength().Should().Be(4);
        var parse = crashes[2];
        parse.GetProperty("task_id").GetInt64().Should().Be(3);
        parse.GetProperty("result").GetString().Should().Be("rejected");
        parse.GetProperty("duration_ms").GetDouble().Should().Be(46_400);
        parse.GetProperty("latency_ms").GetDouble().Should().Be(310);
        parse.GetProperty("ticket").ValueKind.Should().Be(JsonValueKind.Null);
        var last = parse.GetProperty("steps")[8];
        (last.GetProperty("step").GetString(), last.GetProperty("agent").GetString(), last.GetProperty("duration_ms").GetDouble())
            .Should().Be(("verdict", "large", 100));
        crashes[0].GetProperty("detected_at").GetDateTimeOffset().Should().Be(NightJournal.At("2025-03-02T01:10:00Z"));
    }

    public void Dispose() => _repo.Dispose();

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
