using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Landing;

/// <summary>The journal's side of crash-safe landing: intents, and ticket numbers that are neither skipped nor repeated.</summary>
public sealed class LandingIntentJournalSpecs
{
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact(Timeout = 30_000)]
    public async Task A_voided_intent_gives_its_number_to_the_next_landing_and_the_counter_goes_on_after()
    {
        using var dir = new TempDir("intents");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var (session, attempts) = await VerifiedAttemptsAsync(journal, 4);

        var one = await BeginAsync(journal, session, attempts[0]);
        var two = await BeginAsync(journal, session, attempts[1]);
        var three = await BeginAsync(journal, session, attempts[2]);
        await journal.VoidLandingAsync(attempts[1], _ct);
        await journal.CompleteLandingAsync(new NewCommit(attempts[0], one.Ticket, "aaa", "b", "m"), _ct);
        var reused = await BeginAsync(journal, session, attempts[3]);
        await journal.VoidLandingAsync(attempts[2], _ct);
        var again = await BeginAsync(journal, session, attempts[1]);

        new[] { one.TicketNumber, two.TicketNumber, three.TicketNumber }.Should().Equal(1, 2, 3);
        reused.TicketNumber.Should().Be(2);
        reused.Ticket.Should().Be("T-2");
        again.TicketNumber.Should().Be(3);
        (await journal.LandingIntentsAsync(_ct)).Select(i => i.AttemptId).Should().Equal(attempts[3], attempts[1]);
        (await journal.NextTicketNumberAsync("ticket", _ct)).Should().Be(4, "no number was skipped");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_lowest_number_moves_the_counter_up_and_leaves_given_back_numbers_below_it_unused()
    {
        using var dir = new TempDir("intents");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var (session, attempts) = await VerifiedAttemptsAsync(journal, 4);
        await BeginAsync(journal, session, attempts[0]);
        await journal.VoidLandingAsync(attempts[0], _ct);

        var jumped = await BeginAsync(journal, session, attempts[1], atLeast: 628);
        var next = await BeginAsync(journal, session, attempts[2], atLeast: 628);
        var lower = await BeginAsync(journal, session, attempts[3], atLeast: 1);

        jumped.TicketNumber.Should().Be(628);
        next.TicketNumber.Should().Be(629, "the counter goes on from the number it jumped to");
        lower.TicketNumber.Should().Be(1, "a number given back is still taken when it is not below the lowest asked for");
    }

    [Fact(Timeout = 30_000)]
    public async Task Completing_a_landing_records_the_commit_and_drops_the_intent_in_one_transaction()
    {
        using var dir = new TempDir("intents");
        var path = dir["nightshift.db"];
        long attempt;
        await using (var journal = Journal.Open(path))
        {
            var (session, attempts) = await VerifiedAttemptsAsync(journal, 1);
            attempt = attempts[0];
            await BeginAsync(journal, session, attempt);
        }

        await using var reopened = Journal.Open(path);
        var intent = (await reopened.LandingIntentsAsync(_ct)).Should().ContainSingle().Subject;
        var withoutIntent = () => reopened.CompleteLandingAsync(new NewCommit(attempt + 1, "T-9", "bbb", "b", "m"), _ct);
        await reopened.CompleteLandingAsync(new NewCommit(attempt, intent.Ticket, "abc", intent.Branch, "T-1: fix"), _ct);

        intent.Should().Be(new LandingIntent(attempt, intent.SessionId, "ticket", 1, "T-1", "nightshift/x", "parent"));
        await withoutIntent.Should().ThrowAsync<InvalidOperationException>().WithMessage("*has no landing intent*");
        (await reopened.LandingIntentsAsync(_ct)).Should().BeEmpty();
        (await reopened.GetAttemptAsync(attempt, _ct))!.State.Should().Be(AttemptState.Landed);
    }

    private Task<LandingIntent> BeginAsync(Journal journal, long session, long attempt, long atLeast = 1) =>
        journal.BeginLandingAsync(
            "ticket", atLeast, n => new LandingIntent(attempt, session, "ticket", n, $"T-{n}", "nightshift/x", "parent"), _ct);

    private async Task<(long Session, long[] Attempts)> VerifiedAttemptsAsync(Journal journal, int count)
    {
        var session = await journal.StartSessionAsync("burn-down", "nightshift/x", "h", _ct);
        var attempts = new long[count];
        for (var i = 0; i < count; i++)
        {
            var task = await journal.EnsureTaskAsync(session.Id, new NewTask("cluster", $"k{i}", "t"), _ct);
            var attempt = await journal.BeginAttemptAsync(session.Id, task.Id, "suggest", _ct);
            await journal.FinishAttemptAsync(attempt.Id, new AttemptResult("done", 0, 0, 0m, null, null), _ct);
            await journal.RecordVerdictAsync(attempt.Id, accepted: true, "{}", _ct);
            attempts[i] = attempt.Id;
        }

        return (session.Id, attempts);
    }
}
