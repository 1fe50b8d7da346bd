using System.Text.Json;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Tests.Reports;
using Nightshift.Tests.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Telemetry;

public sealed class SessionTelemetrySpecs : IDisposable
{
    private static readonly DateTimeOffset _night = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDir _repo = new("telemetry");
    private readonly ManualClock _clock = new(_night);
    private readonly CancellationToken _ct = CancellationToken.None;

    private string Directory => _repo[".nightshift"];

    [Fact(Timeout = 30_000)]
    public async Task Starting_writes_the_first_status_with_the_budgets_unspent_and_every_worker_idle()
    {
        await using var journal = OpenJournal();
        var session = await journal.StartSessionAsync("burn-down", "b", "h", _ct);
        _clock.Now = _night.AddMinutes(1);

        var telemetry = SessionTelemetry.Start(NightshiftFolder.Of(Directory), journal, session, new LimitsConfig { Workers = 2, MaxCostUsd = 5m }, _clock);

        var status = StatusFile.Read(Path.Combine(Directory, "status.json"))!;
        status.Should().BeEquivalentTo(telemetry.Current);
        status.State.Should().Be(SessionState.Running);
        status.Phase.Should().Be("starting");
        status.Elapsed.Should().Be(TimeSpan.FromMinutes(1));
        status.Budget.Should().Be(new BudgetStatus(TimeSpan.FromHours(8), TimeSpan.FromMinutes(479), 5m, 0m, 5m, 0, 0));
        status.Workers.Should().Equal(WorkerStatus.Idle(1), WorkerStatus.Idle(2));
        status.Errors.Should().Be(new ErrorCounts(null, null));
        status.Eta.Should().BeNull();
    }

    [Fact(Timeout = 30_000)]
    public async Task An_event_is_journaled_and_mirrored_to_events_jsonl_with_the_journals_id_and_time()
    {
        await using var journal = OpenJournal();
        var session = await journal.StartSessionAsync("burn-down", "b", "h", _ct);
        var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "k", "k"), _ct);
        var attempt = await journal.BeginAttemptAsync(session.Id, task.Id, "openai", _ct);
        var telemetry = SessionTelemetry.Start(NightshiftFolder.Of(Directory), journal, session, new LimitsConfig(), _clock);
        _clock.Now = _night.AddSeconds(30.5);

        var written = await telemetry.EventAsync(new VerdictDecided(false, "src/<lib>.rs: tests 3 -> 2"), attempt.Id, _ct);

        var journaled = (await journal.ReadEventsAsync(session.Id, 0, 10, _ct)).Should().ContainSingle().Subject;
        journaled.Should().Be(new EventRow(written.Id, session.Id, attempt.Id, _night.AddSeconds(30.5), "verdict.decided", """{"accepted":false,"summary":"src/<lib>.rs: tests 3 -> 2"}"""));
        var line = (await File.ReadAllLinesAsync(Path.Combine(Directory, "events.jsonl"))).Should().ContainSingle().Subject;
        using var json = JsonDocument.Parse(line);
        json.RootElement.GetProperty("id").GetInt64().Should().Be(journaled.Id);
        json.RootElement.GetProperty("attempt_id").GetInt64().Should().Be(attempt.Id);
        json.RootElement.GetProperty("at").GetDateTimeOffset().Should().Be(_night.AddSeconds(30.5));
        json.RootElement.GetProperty("payload").GetProperty("summary").GetString().Should().Be("src/<lib>.rs: tests 3 -> 2");
        EventLog.ReadLast(Path.Combine(Directory, "events.jsonl"), 5).Should().ContainSingle().Which.Kind.Should().Be("verdict.decided");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_alert_goes_to_alerts_jsonl_to_the_journal_and_to_events_jsonl()
    {
        await using var journal = OpenJournal();
        var session = await journal.StartSessionAsync("burn-down", "b", "h", _ct);
        var telemetry = SessionTelemetry.Start(NightshiftFolder.Of(Directory), journal, session, new LimitsConfig(), _clock);

        var alert = await telemetry.AlertAsync(AlertSeverity.Critical, AlertKinds.TestsBroken, "cargo test: 3 failed\non the branch", _ct);

        var line = (await File.ReadAllLinesAsync(Path.Combine(Directory, "alerts.jsonl"))).Should().ContainSingle().Subject;
        using (var json = JsonDocument.Parse(line))
        {
            json.RootElement.GetProperty("severity").GetString().Should().Be("critical");
            json.RootElement.GetProperty("kind").GetString().Should().Be("tests_broken");
            json.RootElement.GetProperty("message").GetString().Should().Be("cargo test: 3 failed\non the branch");
            json.RootElement.GetProperty("session_id").GetInt64().Should().Be(session.Id);
            json.RootElement.GetProperty("at").GetDateTimeOffset().Should().Be(_night);
        }

        var journaled = (await journal.SessionEventsOfKindAsync(session.Id, "alert.raised", _ct)).Should().ContainSingle().Subject;
        Alert.TryParse(journaled.PayloadJson).Should().Be(alert);
        AlertLog.ReadLast(Path.Combine(Directory, "alerts.jsonl"), 10).Should().Equal(alert);
        EventLog.ReadLast(Path.Combine(Directory, "events.jsonl"), 10).Should().ContainSingle().Which.Kind.Should().Be("alert.raised");
    }

    [Fact(Timeout = 30_000)]
    public async Task Refreshing_measures_the_status_from_the_journal_and_estimates_the_eta()
    {
        await using var journal = OpenJournal();
        var session = await journal.StartSessionAsync("burn-down", "b", "h", _ct);
        var telemetry = SessionTelemetry.Start(NightshiftFolder.Of(Directory), journal, session, new LimitsConfig { MinClusterSize = 2 }, _clock);
        await journal.SaveSnapshotAsync(
            new NewSnapshot(session.Id, _night, 1, 1, 31, 0),
            [NightJournal.E0308(20), NightJournal.E0599(10), NightJournal.E0425(1)],
            _ct);
        var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "rustc:error:E0308", "mismatched types"), _ct);
        var attempt = await journal.BeginAttemptAsync(session.Id, task.Id, "openai", _ct);
        await journal.FinishAttemptAsync(attempt.Id, new AttemptResult("done", 100, 20, 0.40m, null, null), _ct);
        await journal.RecordVerdictAsync(attempt.Id, true, "{}", _ct);
        await journal.RecordCommitAsync(new NewCommit(attempt.Id, "NS-1", "abc", "b", "NS-1: fix"), _ct);
        await journal.SaveSnapshotAsync(
            new NewSnapshot(session.Id, _night.AddHours(1), 1, 1, 16, 0),
            [NightJournal.E0308(5), NightJournal.E0599(10), NightJournal.E0425(1)],
            _ct);
        _clock.Now = _night.AddHours(1);

        var status = await telemetry.RefreshAsync(_ct);

        status.CommitsLanded.Should().Be(1);
        status.Rejections.Should().Be(0);
        status.Budget.CostUsd.Should().Be(0.40m);
        (status.Budget.TokensIn, status.Budget.TokensOut).Should().Be((100, 20));
        status.Errors.Should().Be(new ErrorCounts(31, 16));
        status.Clusters.Should().Equal(
            new ClusterProgress("rustc:error:E0308", 20, 5), new ClusterProgress("rustc:error:E0599", 10, 10), new ClusterProgress("rustc:error:E0425", 1, 1));
        status.ClustersRemaining.Should().Be(1, "E0308's task is solved and E0425 is below the minimum cluster size");
        status.Eta.Should().Be(_night.AddHours(2), "one landed cluster per hour, one cluster remaining");
        StatusFile.Read(Path.Combine(Directory, "status.json")).Should().BeEquivalentTo(status);
    }

    [Fact(Timeout = 30_000)]
    public async Task Ending_freezes_the_measured_figures_with_the_stop_reason()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var status = StatusFile.Read(Path.Combine(fixture.NightshiftDirectory, "status.json"))!;

        status.State.Should().Be(SessionState.Ended);
        status.StopReason.Should().Be("time-budget");
        status.Elapsed.Should().Be(TimeSpan.FromHours(4));
        status.CommitsLanded.Should().Be(2);
        status.Rejections.Should().Be(2);
        status.Budget.CostUsd.Should().Be(0.55m);
        status.Errors.Should().Be(new ErrorCounts(40, 21));
        status.ClustersRemaining.Should().Be(4);
        status.Eta.Should().BeNull();
        status.Workers.Should().OnlyContain(w => w.IsIdle);
    }

    [Fact(Timeout = 60_000)]
    public async Task Parallel_workers_update_their_own_entries_without_losing_each_others()
    {
        await using var journal = OpenJournal();
        var session = await journal.StartSessionAsync("burn-down", "b", "h", _ct);
        var telemetry = SessionTelemetry.Start(NightshiftFolder.Of(Directory), journal, session, new LimitsConfig { Workers = 4 }, _clock);

        await Task.WhenAll(Enumerable.Range(1, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                telemetry.Worker(worker, w => w with { Cluster = $"c{worker}", FilesModified = w.FilesModified + 1, LastToolCall = $"step {i}" });
                await telemetry.EventAsync(new AttemptStarted($"c{worker}", i, "suggest", worker), cancellationToken: _ct);
            }
        })));

        var status = StatusFile.Read(Path.Combine(Directory, "status.json"))!;
        status.Workers.Select(w => (w.Worker, w.Cluster, w.FilesModified, w.LastToolCall)).Should().Equal(
            (1, "c1", 50, "step 49"), (2, "c2", 50, "step 49"), (3, "c3", 50, "step 49"), (4, "c4", 50, "step 49"));
        var lines = await File.ReadAllLinesAsync(Path.Combine(Directory, "events.jsonl"));
        lines.Select(TelemetryEvent.TryParse).Should().HaveCount(200).And.OnlyContain(e => e != null);
        lines.Select(l => TelemetryEvent.TryParse(l)!.Id).Should().BeInAscendingOrder("the file follows the journal's order");
        (await journal.ReadEventsAsync(session.Id, 0, 1000, _ct)).Should().HaveCount(200);
        FluentActions.Invoking(() => telemetry.Worker(5, w => w)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_status_that_cannot_be_written_is_remembered_rather_than_thrown_and_the_next_write_recovers()
    {
        await using var journal = OpenJournal();
        var session = await journal.StartSessionAsync("burn-down", "b", "h", _ct);
        var telemetry = SessionTelemetry.Start(NightshiftFolder.Of(Directory), journal, session, new LimitsConfig(), _clock);
        File.Delete(telemetry.StatusPath);
        System.IO.Directory.CreateDirectory(telemetry.StatusPath); // a folder where the file should be: rename fails

        telemetry.Phase("burn-down");

        telemetry.LastFileError.Should().BeAssignableTo<IOException>();
        System.IO.Directory.Delete(telemetry.StatusPath);
        telemetry.Phase("report");
        telemetry.LastFileError.Should().BeNull();
        StatusFile.Read(telemetry.StatusPath)!.Phase.Should().Be("report");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_snapshots_diagnostics_are_kept_one_line_each_with_the_snapshot_and_cluster()
    {
        await using var journal = OpenJournal();
        var session = await journal.StartSessionAsync("burn-down", "b", "h", _ct);
        var telemetry = SessionTelemetry.Start(NightshiftFolder.Of(Directory), journal, session, new LimitsConfig(), _clock);
        Diagnostic[] diagnostics =
        [
            new("rustc", Severity.Error, "E0308", "mismatched types", new SourceSpan("src/lib.rs", 3, 9)) { Item = "crates/a", Rendered = "error[E0308]" },
            new("rustc", Severity.Warning, null, "unused variable: `x`", null),
        ];

        telemetry.RecordDiagnostics(41, diagnostics);

        var lines = (await File.ReadAllLinesAsync(Path.Combine(Directory, "diagnostics.jsonl"))).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Should().HaveCount(2);
        lines[0].GetProperty("snapshot_id").GetInt64().Should().Be(41);
        lines[0].GetProperty("session_id").GetInt64().Should().Be(session.Id);
        lines[0].GetProperty("cluster").GetString().Should().Be("rustc:error:E0308");
        lines[0].GetProperty("file").GetString().Should().Be("src/lib.rs");
        lines[0].GetProperty("line").GetInt32().Should().Be(3);
        lines[0].GetProperty("item").GetString().Should().Be("crates/a");
        lines[0].GetProperty("rendered").GetString().Should().Be("error[E0308]");
        lines[1].GetProperty("severity").GetString().Should().Be("warning");
        lines[1].GetProperty("file").ValueKind.Should().Be(JsonValueKind.Null);
        lines[1].GetProperty("cluster").GetString().Should().StartWith("rustc:warning:unused variable");
    }

    public void Dispose() => _repo.Dispose();

    private Journal OpenJournal() => Journal.Open(Path.Combine(Directory, "nightshift.db"), _clock);
}
