using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Store;

public sealed class JournalPromotionSpecs
{
    private static readonly DateTimeOffset _night = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact(Timeout = 30_000)]
    public async Task The_latest_promotion_not_rolled_back_is_current_and_a_rollback_restores_the_one_before()
    {
        using var dir = new TempDir("journal");
        var clock = new ManualClock(_night);
        await using var journal = Journal.Open(dir["nightshift.db"], clock);
        var session = await journal.StartSessionAsync("learn", "-", "koans", _ct);
        (await journal.CurrentPromotionAsync(_ct)).Should().BeNull("nothing is promoted in a new journal");

        var first = await journal.RecordPromotionAsync(new NewPromotion(session.Id, "tuned-1", "/d/1.jsonl", 0.5, """{"decision":"promoted"}"""), _ct);
        clock.Now = _night.AddHours(1);
        var second = await journal.RecordPromotionAsync(new NewPromotion(session.Id, "tuned-2", null, 0.75, "{}"), _ct);

        first.Should().Be(new PromotionRow(first.Id, session.Id, "tuned-1", "/d/1.jsonl", 0.5, """{"decision":"promoted"}""", _night, null, null));
        (await journal.CurrentPromotionAsync(_ct)).Should().Be(second);

        clock.Now = _night.AddHours(2);
        var (rolledBack, current) = await journal.RollBackPromotionAsync("worse at night", _ct);

        rolledBack.Should().Be(second with { RolledBackAt = _night.AddHours(2), RollbackReason = "worse at night" });
        current.Should().Be(first);
        (await journal.CurrentPromotionAsync(_ct)).Should().Be(first);

        (await journal.RollBackPromotionAsync("again", _ct)).Should().Be((first with { RolledBackAt = _night.AddHours(2), RollbackReason = "again" }, (PromotionRow?)null));
        (await journal.RollBackPromotionAsync("nothing left", _ct)).Should().Be(((PromotionRow?)null, (PromotionRow?)null));
        (await journal.ListPromotionsAsync(_ct)).Select(p => (p.Model, p.IsRolledBack)).Should().Equal(("tuned-1", true), ("tuned-2", true));

        var third = await journal.RecordPromotionAsync(new NewPromotion(session.Id, "tuned-3", null, 0.8, "{}"), _ct);
        (await journal.CurrentPromotionAsync(_ct)).Should().Be(third, "a new promotion stands whatever was rolled back before it");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_session_records_the_model_its_agents_asked_for()
    {
        using var dir = new TempDir("journal");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var session = await journal.StartSessionAsync("burn-down", "-", "hash", _ct);

        await journal.SetSessionModelAsync(session.Id, "tuned-1", _ct);

        (await journal.GetSessionAsync(session.Id, _ct))!.Model.Should().Be("tuned-1");
        session.Model.Should().BeNull();
    }
}
