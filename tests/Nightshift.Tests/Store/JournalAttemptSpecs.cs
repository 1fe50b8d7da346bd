using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Store;

public sealed class JournalAttemptSpecs
{
    private static readonly DateTimeOffset _night = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact(Timeout = 30_000)]
    public async Task An_attempt_goes_from_started_to_landed_and_its_commit_solves_the_task()
    {
        using var dir = new TempDir("journal");
        var clock = new ManualClock(_night);
        await using var journal = Journal.Open(dir["nightshift.db"], clock);
        var session = await journal.StartSessionAsync("burn-down", "nightshift/burn-down", "h", _ct);
        var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "rustc:E0308", "mismatched types", "{}"), _ct);

        var started = await journal.BeginAttemptAsync(session.Id, task.Id, "openai", _ct);
        clock.Now = _night.AddMinutes(3);
        await journal.FinishAttemptAsync(started.Id, new AttemptResult("done", 1200, 340, 0.25m, "--- a/x", "t/1.jsonl"), _ct);
        await journal.RecordVerdictAsync(started.Id, accepted: true, """{"accepted":true}""", _ct);
        var ticket = await journal.NextTicketNumberAsync("ticket", _ct);
        await journal.RecordCommitAsync(new NewCommit(started.Id, $"NS-{ticket}", "abc123", "nightshift/burn-down", "NS-1: fix"), _ct);

        started.Should().Be(new AttemptRow(
            started.Id, session.Id, task.Id, "openai", AttemptState.Started, _night, null, null, 0, 0, 0m, null, null, null));
        (await journal.GetAttemptAsync(started.Id, _ct)).Should().Be(started with
        {
            State = AttemptState.Landed,
            EndedAt = _night.AddMinutes(3),
            StopReason = "done",
            TokensIn = 1200,
            TokensOut = 340,
            CostUsd = 0.25m,
            Diff = "--- a/x",
            TranscriptPath = "t/1.jsonl",
            VerdictJson = """{"accepted":true}""",
        });
        (await journal.GetTaskAsync(task.Id, _ct))!.State.Should().Be(TaskState.Solved);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_illegal_move_is_refused_and_a_failed_landing_writes_nothing()
    {
        using var dir = new TempDir("journal");
        var path = dir["nightshift.db"];
        await using var journal = Journal.Open(path);
        var session = await journal.StartSessionAsync("burn-down", "nightshift/burn-down", "h", _ct);
        var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "rustc:E0308", "mismatched types"), _ct);
        var attempt = await journal.BeginAttemptAsync(session.Id, task.Id, "suggest", _ct);

        var verdictTooEarly = () => journal.RecordVerdictAsync(attempt.Id, accepted: true, "{}", _ct);
        var landUnverified = () => journal.RecordCommitAsync(new NewCommit(attempt.Id, "NS-1", "abc", "b", "m"), _ct);
        var finishMissing = () => journal.FinishAttemptAsync(999, new AttemptResult("done", 0, 0, 0m, null, null), _ct);

        await verdictTooEarly.Should().ThrowAsync<InvalidOperationException>().WithMessage("*is started, so it cannot become verified*");
        await landUnverified.Should().ThrowAsync<InvalidOperationException>();
        await finishMissing.Should().ThrowAsync<InvalidOperationException>().WithMessage("*999 is not in the journal*");
        await journal.AbandonAttemptAsync(attempt.Id, "resumed after a crash", _ct);
        (await journal.GetAttemptAsync(attempt.Id, _ct))!.State.Should().Be(AttemptState.Abandoned);
        (await journal.GetTaskAsync(task.Id, _ct))!.State.Should().Be(TaskState.Open);
        using var raw = new RawDatabase(path);
        raw.Scalar("SELECT count(*) FROM commits").Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_task_journaled_twice_in_a_session_is_one_row_and_keeps_its_state()
    {
        using var dir = new TempDir("journal");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var session = await journal.StartSessionAsync("burn-down", "nightshift/burn-down", "h", _ct);
        var other = await journal.StartSessionAsync("burn-down", "nightshift/burn-down", "h", _ct);

        var first = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "rustc:E0308", "mismatched types"), _ct);
        await journal.SetTaskStateAsync(first.Id, TaskState.Skipped, _ct);
        var again = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "rustc:E0308", "renamed"), _ct);
        var elsewhere = await journal.EnsureTaskAsync(other.Id, new NewTask("cluster", "rustc:E0308", "mismatched types"), _ct);

        again.Should().Be(first with { State = TaskState.Skipped });
        elsewhere.Id.Should().NotBe(first.Id);
    }

    [Fact(Timeout = 30_000)]
    public async Task Probe_results_are_cached_by_item_key_and_replaced()
    {
        using var dir = new TempDir("journal");
        await using var journal = Journal.Open(dir["nightshift.db"]);

        var missing = await journal.GetCachedProbeAsync("crate@sha256:1", _ct);
        await journal.CacheProbeAsync("crate@sha256:1", """{"errors":3}""", _ct);
        await journal.CacheProbeAsync("crate@sha256:1", """{"errors":0}""", _ct);

        missing.Should().BeNull();
        (await journal.GetCachedProbeAsync("crate@sha256:1", _ct)).Should().Be("""{"errors":0}""");
    }
}
