using System.Globalization;
using Nightshift.Attempts.Episodes;
using Nightshift.Diagnostics;
using Nightshift.Store;
using Nightshift.Tests.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Learn;

public sealed class EpisodeJournalSpecs
{
    private static readonly DateTimeOffset _night = DateTimeOffset.Parse("2026-05-01T23:00:00Z", CultureInfo.InvariantCulture);

    [Fact(Timeout = 30_000)]
    public async Task An_episode_keeps_the_task_diagnostics_transcript_diff_verdict_and_steps()
    {
        using var dir = new TempDir("episodes");
        await using var journal = Journal.Open(dir["nightshift.db"], new ManualClock(_night));
        var seeder = new EpisodeSeeder(journal);

        var recorded = await seeder.AddAsync(
            "eval", "borrow-use-after-move", EpisodeOutcome.Accepted, ["E0382", "E0382"], [], steps: 3, model: "adapter-7");

        var read = (await seeder.Episodes.ReadAsync(EpisodeQuery.All, CancellationToken.None)).Should().ContainSingle().Subject;
        read.Should().BeEquivalentTo(recorded, options => options.Excluding(e => e.Verdict));
        read.Workload.Should().Be("eval");
        read.TaskId.Should().Be("koan:borrow-use-after-move");
        read.Task.Sources.Should().ContainKey("src/lib.rs");
        read.Task.Variables.Should().Contain("koan", "borrow-use-after-move");
        read.Agent.Should().Be("replay");
        read.Model.Should().Be("adapter-7");
        read.DiagnosticsBefore.Should().HaveCount(2).And.OnlyContain(d => d.Code == "E0382" && d.Severity == Severity.Error);
        read.DiagnosticsAfter.Should().BeEmpty();
        read.Transcript.Should().ContainSingle().Which.Content.Should().Be("patching borrow-use-after-move");
        read.Diff.Should().Contain("+fixed borrow-use-after-move");
        read.Verdict!.Value.GetProperty("accepted").GetBoolean().Should().BeTrue();
        read.Steps.Should().Be(3);
        read.StepsToGreen.Should().Be(3);
        read.CreatedAt.Should().Be(_night);
        read.FixedErrorCodes().Should().BeEquivalentTo(["E0382"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task Only_an_accepted_episode_has_steps_to_green()
    {
        using var dir = new TempDir("episodes");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var seeder = new EpisodeSeeder(journal);

        var rejected = await seeder.AddAsync("eval", "k", EpisodeOutcome.Rejected, ["E0502"], ["E0502"], steps: 4);
        var abandoned = await seeder.AddAsync("eval", "k", EpisodeOutcome.Abandoned, ["E0502"], ["E0502"], steps: 2);

        rejected.StepsToGreen.Should().BeNull();
        rejected.Steps.Should().Be(4);
        rejected.FixedErrorCodes().Should().BeEmpty();
        abandoned.Outcome.Should().Be(EpisodeOutcome.Abandoned);
        abandoned.Verdict.Should().BeNull();
    }

    [Fact(Timeout = 30_000)]
    public async Task Episodes_are_read_by_workload_outcome_and_time_oldest_first()
    {
        using var dir = new TempDir("episodes");
        var clock = new ManualClock(_night);
        await using var journal = Journal.Open(dir["nightshift.db"], clock);
        var seeder = new EpisodeSeeder(journal);
        var first = await seeder.AddAsync("burn-down", "a", EpisodeOutcome.Accepted, ["E0308"]);
        clock.Now = _night.AddHours(2);
        var second = await seeder.AddAsync("burn-down", "b", EpisodeOutcome.Rejected, ["E0308"], ["E0308"]);
        clock.Now = _night.AddHours(4);
        var third = await seeder.AddAsync("eval", "c", EpisodeOutcome.Accepted, ["E0499"]);

        async Task<IEnumerable<long>> IdsAsync(EpisodeQuery query) =>
            (await seeder.Episodes.ReadAsync(query, CancellationToken.None)).Select(e => e.Id);

        (await IdsAsync(EpisodeQuery.All)).Should().Equal(first.Id, second.Id, third.Id);
        (await IdsAsync(new EpisodeQuery(Workload: "burn-down"))).Should().Equal(first.Id, second.Id);
        (await IdsAsync(new EpisodeQuery(Outcome: "accepted"))).Should().Equal(first.Id, third.Id);
        (await IdsAsync(new EpisodeQuery(Since: _night.AddHours(2)))).Should().Equal(second.Id, third.Id);
        (await IdsAsync(new EpisodeQuery(Until: _night.AddHours(2)))).Should().Equal(first.Id);
        (await IdsAsync(new EpisodeQuery("burn-down", "accepted", _night.AddHours(1)))).Should().BeEmpty();
    }
}
