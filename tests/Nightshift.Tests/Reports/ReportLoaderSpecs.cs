using System.Text.Json;
using Nightshift.Configuration;
using Nightshift.Reports;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Tests.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Reports;

public sealed class ReportLoaderSpecs : IDisposable
{
    private static readonly DateTimeOffset _night = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDir _repo = new("loader");
    private readonly CancellationToken _ct = CancellationToken.None;

    private string NightshiftDirectory => _repo[".nightshift"];

    [Fact(Timeout = 60_000)]
    public async Task The_report_defaults_to_the_latest_session_and_rejects_one_the_journal_does_not_hold()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var latest = await fixture.LoadAsync();
        var missing = () => fixture.LoadAsync(sessionId: 9);

        latest.Session.Id.Should().Be(2);
        latest.History.Select(h => h.Id).Should().Equal(1, 2);
        (await missing.Should().ThrowAsync<NightshiftException>()).WithMessage("*has no session 9*sessions 1 to 2*");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_empty_journal_has_nothing_to_report()
    {
        await using var journal = Journal.Open(Path.Combine(NightshiftDirectory, "nightshift.db"));

        var load = () => ReportLoader.LoadAsync(journal, null, ReportTargets.Default, _night, _ct);

        (await load.Should().ThrowAsync<NightshiftException>()).WithMessage("*holds no session yet*");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_running_session_is_measured_up_to_the_report_and_its_unmeasured_targets_are_unknown()
    {
        var clock = new ManualClock(_night);
        await using var journal = Journal.Open(Path.Combine(NightshiftDirectory, "nightshift.db"), clock);
        var session = await journal.StartSessionAsync("burn-down", "b", "h", _ct);
        var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "k", "k"), _ct);
        var attempt = await journal.BeginAttemptAsync(session.Id, task.Id, "openai", _ct);
        await journal.FinishAttemptAsync(attempt.Id, new AttemptResult("done", 10, 5, 0.01m, null, null), _ct);
        await journal.RecordVerdictAsync(attempt.Id, false, "not json at all", _ct);

        var report = await ReportLoader.LoadAsync(journal, null, ReportTargets.Default, _night.AddMinutes(90), _ct);

        report.Session.Duration.Should().Be(TimeSpan.FromMinutes(90));
        report.Session.EndedAt.Should().BeNull();
        report.Totals.Should().BeNull();
        report.Rejections.Should().BeEquivalentTo([new RejectionGroup("unspecified", 1, [])]);
        report.Targets.Select(t => (t.Id, t.Outcome)).Should().Equal(
            ("commits", TargetOutcome.Missed), ("tests_pass", TargetOutcome.Unknown), ("top_cluster_reduced", TargetOutcome.Unknown));
        MarkdownReport.Render(report).Should().Contain("- Stop reason: still running").And.Contain("- Errors: no snapshot was taken");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_tests_broken_alert_misses_the_tests_target_whatever_the_verdicts_said()
    {
        var clock = new ManualClock(_night);
        await using var journal = Journal.Open(Path.Combine(NightshiftDirectory, "nightshift.db"), clock);
        var session = await journal.StartSessionAsync("burn-down", "b", "h", _ct);
        var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "k", "k"), _ct);
        var attempt = await journal.BeginAttemptAsync(session.Id, task.Id, "openai", _ct);
        await journal.FinishAttemptAsync(attempt.Id, new AttemptResult("done", 10, 5, 0.01m, null, null), _ct);
        await journal.RecordVerdictAsync(attempt.Id, true, """{"accepted":true,"tests":{"passed":3,"failed":0}}""", _ct);
        var telemetry = SessionTelemetry.Start(NightshiftFolder.Of(NightshiftDirectory), journal, session, new LimitsConfig(), clock);
        clock.Now = _night.AddMinutes(42);
        await telemetry.AlertAsync(AlertSeverity.Critical, AlertKinds.TestsBroken, "cargo test fails on the session branch", _ct);

        var report = await ReportLoader.LoadAsync(journal, null, ReportTargets.Default, _night.AddHours(1), _ct);

        report.Targets.Single(t => t.Id == "tests_pass").Should().Be(
            new TargetResult("tests_pass", "tests still pass", TargetOutcome.Missed, "tests_broken alert at 02:42 UTC"));
        report.Alerts.Should().ContainSingle().Which.Should().Be(
            new Alert(_night.AddMinutes(42), AlertSeverity.Critical, AlertKinds.TestsBroken, "cargo test fails on the session branch", session.Id));
    }

    [Fact(Timeout = 60_000)]
    public async Task Targets_follow_the_configured_thresholds()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var report = await fixture.LoadAsync(targets: new ReportTargets(MinCommits: 2, TestsMustPass: false, TopClusterReduction: 1.0));

        report.Targets.Select(t => (t.Id, t.Description, t.Outcome)).Should().Equal(
            ("commits", "at least 2 commits", TargetOutcome.Met),
            ("top_cluster_reduced", "largest cluster reduced by at least 100%", TargetOutcome.Met));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_report_data_serializes_to_snake_case_json_with_durations_in_seconds()
    {
        using var fixture = await ReportFixture.CreateAsync();

        using var json = JsonDocument.Parse((await fixture.LoadAsync()).ToJson());

        var root = json.RootElement;
        root.GetProperty("session").GetProperty("id").GetInt64().Should().Be(2);
        root.GetProperty("session").GetProperty("duration_seconds").GetInt64().Should().Be(4 * 3600);
        root.GetProperty("session").GetProperty("stop_reason").GetString().Should().Be("time-budget");
        root.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("ticket").GetString()).Should().Equal("NS-2", "NS-3");
        root.GetProperty("cost_usd").GetDecimal().Should().Be(0.55m);
        root.GetProperty("rejected_attempts").GetInt32().Should().Be(2);
        root.GetProperty("targets")[0].GetProperty("outcome").GetString().Should().Be("missed");
        root.GetProperty("alerts")[0].GetProperty("severity").GetString().Should().Be("warning");
    }

    public void Dispose() => _repo.Dispose();
}
