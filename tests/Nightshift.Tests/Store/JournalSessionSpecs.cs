using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Store;

public sealed class JournalSessionSpecs
{
    private static readonly DateTimeOffset _night = new(2025, 3, 1, 2, 3, 4, 567, TimeSpan.Zero);
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact(Timeout = 30_000)]
    public async Task A_session_is_started_and_ended_with_times_from_the_journal_clock()
    {
        using var dir = new TempDir("journal");
        var clock = new ManualClock(_night);
        await using var journal = Journal.Open(dir["nightshift.db"], clock);

        var started = await journal.StartSessionAsync("burn-down", "nightshift/burn-down", "hash-1", _ct);
        clock.Now = _night.AddHours(4);
        await journal.EndSessionAsync(started.Id, "time-budget", _ct);

        started.Should().Be(new SessionRow(started.Id, "burn-down", "nightshift/burn-down", _night, null, null, "hash-1", SessionState.Running));
        (await journal.GetSessionAsync(started.Id, _ct)).Should().Be(
            started with { EndedAt = _night.AddHours(4), StopReason = "time-budget", State = SessionState.Ended });
        (await journal.LatestSessionAsync(_ct))!.Id.Should().Be(started.Id);
        var endAgain = () => journal.EndSessionAsync(started.Id, "again", _ct);
        await endAgain.Should().ThrowAsync<InvalidOperationException>().WithMessage("*is ended*");
    }

    [Fact(Timeout = 30_000)]
    public async Task The_ticket_counter_never_repeats_across_concurrent_writers_and_reopens()
    {
        using var dir = new TempDir("journal");
        var path = dir["nightshift.db"];
        long[] numbers;

        // Two journals on one file are two connections, as two processes would be.
        await using (var first = Journal.Open(path))
        await using (var second = Journal.Open(path))
        {
            var draws = Enumerable.Range(0, 100)
                .Select(i => Task.Run(() => (i % 2 == 0 ? first : second).NextTicketNumberAsync("ticket", _ct)));
            numbers = await Task.WhenAll(draws);
        }

        await using var reopened = Journal.Open(path);
        var next = await reopened.NextTicketNumberAsync("ticket", _ct);
        var other = await reopened.NextTicketNumberAsync("bench", _ct);

        numbers.Should().BeEquivalentTo(Enumerable.Range(1, 100).Select(n => (long)n));
        next.Should().Be(101);
        other.Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_reader_on_another_connection_sees_only_committed_rows_while_a_writer_holds_its_transaction()
    {
        using var dir = new TempDir("journal");
        var path = dir["nightshift.db"];
        await using var writer = Journal.Open(path);
        var committed = await writer.StartSessionAsync("burn-down", "nightshift/a", "h", _ct);
        var inTransaction = new TaskCompletionSource();
        var readerDone = new TaskCompletionSource();

        var writing = writer.InTransactionAsync(
            async _ =>
            {
                await writer.StartSessionAsync("burn-down", "nightshift/b", "h", _ct);
                inTransaction.SetResult();
                await readerDone.Task;
            },
            _ct);
        await inTransaction.Task;
        SessionRow? seen;
        await using (var reader = Journal.Open(path))
        {
            seen = await reader.LatestSessionAsync(_ct);
        }

        readerDone.SetResult();
        await writing;

        seen!.Id.Should().Be(committed.Id);
        (await writer.LatestSessionAsync(_ct))!.Branch.Should().Be("nightshift/b");
    }

    [Fact(Timeout = 30_000)]
    public async Task Phases_and_events_are_journaled_in_order_and_tailed_by_id()
    {
        using var dir = new TempDir("journal");
        await using var journal = Journal.Open(dir["nightshift.db"], new ManualClock(_night));
        var session = await journal.StartSessionAsync("burn-down", "nightshift/burn-down", "h", _ct);
        var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "rustc:E0308", "mismatched types"), _ct);
        var attempt = await journal.BeginAttemptAsync(session.Id, task.Id, "suggest", _ct);

        var phase = await journal.BeginPhaseAsync(session.Id, "baseline", _ct);
        var first = await journal.AppendEventAsync(new NewEvent(session.Id, "probe-started"), _ct);
        var second = await journal.AppendEventAsync(new NewEvent(session.Id, "agent-step", """{"n":1}""", attempt.Id), _ct);
        await journal.EndPhaseAsync(phase, _ct);
        var endAgain = () => journal.EndPhaseAsync(phase, _ct);

        (await journal.ReadEventsAsync(session.Id, 0, 10, _ct)).Should().Equal(
            new EventRow(first, session.Id, null, _night, "probe-started", null),
            new EventRow(second, session.Id, attempt.Id, _night, "agent-step", """{"n":1}"""));
        (await journal.ReadEventsAsync(session.Id, first, 10, _ct)).Select(e => e.Id).Should().Equal(second);
        await endAgain.Should().ThrowAsync<InvalidOperationException>();
    }
}
