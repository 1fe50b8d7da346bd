using System.Globalization;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Learn;

public sealed class EpisodesCommandSpecs
{
    private static readonly DateTimeOffset _night = DateTimeOffset.Parse("2026-05-01T23:00:00Z", CultureInfo.InvariantCulture);

    [Fact(Timeout = 60_000)]
    public async Task Export_writes_one_episode_per_line_filtered_by_workload_outcome_and_dates()
    {
        using var repo = await RepositoryAsync();

        var result = await CliRun.InProcessAsync(
            repo.Path,
            ["episodes", "export", "--format", "jsonl", "--workload", "burn-down", "--outcome", "accepted", "--since", "2026-05-02", "--until", "2026-05-02"]);

        result.ExitCode.Should().Be(0, result.Err);
        var episodes = Lines(result.Out).Select(line => EpisodeJsonl.FromLine(line)!).ToList();
        episodes.Select(e => e.Task.Key).Should().Equal("on-the-second");
        episodes[0].Outcome.Should().Be(EpisodeOutcome.Accepted);
        episodes[0].DiagnosticsBefore.Should().ContainSingle().Which.Code.Should().Be("E0308");
        result.Err.Should().Contain("1 episode(s)");
    }

    [Fact(Timeout = 60_000)]
    public async Task Export_to_a_file_writes_every_episode_and_says_where()
    {
        using var repo = await RepositoryAsync();

        var result = await CliRun.InProcessAsync(repo.Path, ["episodes", "export", "--out", "out/all.jsonl"]);

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().BeEmpty();
        Lines(await File.ReadAllTextAsync(repo["out/all.jsonl"])).Should().HaveCount(4)
            .And.AllSatisfy(line => line.Should().StartWith("{\"id\":"));
        result.Err.Should().Contain($"Wrote 4 episode(s) to {repo["out/all.jsonl"]}");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_bad_date_or_outcome_is_a_usage_error()
    {
        using var repo = await RepositoryAsync();

        var date = await CliRun.InProcessAsync(repo.Path, ["episodes", "export", "--since", "yesterday"]);
        var outcome = await CliRun.InProcessAsync(repo.Path, ["episodes", "export", "--outcome", "landed"]);

        date.ExitCode.Should().Be(2);
        date.Err.Should().Contain("--since 'yesterday' is neither a date");
        outcome.ExitCode.Should().Be(2);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_repository_without_a_journal_says_so()
    {
        using var repo = new TempDir("episodes");
        repo.Write("nightshift.yml", "version: 1\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["episodes", "export"]);

        result.ExitCode.Should().Be(1);
        result.Err.Should().Contain("There is no journal at");
        File.Exists(repo[".nightshift/nightshift.db"]).Should().BeFalse("reading must not create a journal");
    }

    private static async Task<TempDir> RepositoryAsync()
    {
        var repo = new TempDir("episodes");
        repo.Write("nightshift.yml", "version: 1\n");
        var clock = new ManualClock(_night);
        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal, clock);
        var seeder = new EpisodeSeeder(journal);
        await seeder.AddAsync("burn-down", "on-the-first", EpisodeOutcome.Accepted, ["E0308"], kind: "cluster");
        clock.Now = _night.AddHours(2);
        await seeder.AddAsync("burn-down", "on-the-second", EpisodeOutcome.Accepted, ["E0308"], kind: "cluster");
        await seeder.AddAsync("burn-down", "rejected", EpisodeOutcome.Rejected, ["E0308"], ["E0308"], kind: "cluster");
        await seeder.AddAsync("eval", "eval-koan", EpisodeOutcome.Accepted, ["E0502"]);
        return repo;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
