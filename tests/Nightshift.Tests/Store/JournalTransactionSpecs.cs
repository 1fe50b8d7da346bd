using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Store;

public sealed class JournalTransactionSpecs
{
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact(Timeout = 30_000)]
    public async Task Journal_calls_inside_a_transaction_are_rolled_back_together_when_it_throws()
    {
        using var dir = new TempDir("journal");
        var path = dir["nightshift.db"];
        await using var journal = Journal.Open(path);
        var session = await journal.StartSessionAsync("burn-down", "nightshift/burn-down", "h", _ct);

        var failing = () => journal.InTransactionAsync(
            async _ =>
            {
                var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "k", "t"), _ct);
                var attempt = await journal.BeginAttemptAsync(session.Id, task.Id, "suggest", _ct);
                await journal.AppendEventAsync(new NewEvent(session.Id, "agent-step", null, attempt.Id), _ct);
                await journal.NextTicketNumberAsync("ticket", _ct);
                throw new InvalidOperationException("the agent crashed");
            },
            _ct);

        await failing.Should().ThrowAsync<InvalidOperationException>().WithMessage("the agent crashed");
        using (var raw = new RawDatabase(path))
        {
            raw.RowCounts().Where(table => table.Value > 0).Select(table => table.Key).Should().Equal("sessions");
        }

        (await journal.NextTicketNumberAsync("ticket", _ct)).Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task Journal_calls_inside_a_transaction_commit_together_and_return_its_result()
    {
        using var dir = new TempDir("journal");
        var path = dir["nightshift.db"];
        await using var journal = Journal.Open(path);
        var session = await journal.StartSessionAsync("burn-down", "nightshift/burn-down", "h", _ct);

        var attemptId = await journal.InTransactionAsync(
            async _ =>
            {
                var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", "k", "t"), _ct);
                var attempt = await journal.BeginAttemptAsync(session.Id, task.Id, "suggest", _ct);
                await journal.AppendEventAsync(new NewEvent(session.Id, "attempt-started", null, attempt.Id), _ct);
                return attempt.Id;
            },
            _ct);

        (await journal.GetAttemptAsync(attemptId, _ct))!.State.Should().Be(AttemptState.Started);
        (await journal.ReadEventsAsync(session.Id, 0, 10, _ct)).Should().ContainSingle(e => e.AttemptId == attemptId);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_disposed_journal_refuses_further_calls()
    {
        using var dir = new TempDir("journal");
        var journal = Journal.Open(dir["nightshift.db"]);
        await journal.DisposeAsync();

        var call = () => journal.LatestSessionAsync(_ct);

        await call.Should().ThrowAsync<ObjectDisposedException>();
    }
}
