using System.Security.Cryptography;
using System.Text.Json;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Datasets;

namespace Nightshift.Tests.Learn;

public sealed class DatasetCommandSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task Build_writes_the_dataset_and_a_manifest_whose_sha256_and_counts_match_it()
    {
        using var repo = await SeededRepositoryAsync();

        var result = await CliRun.InProcessAsync(
            repo.Path, ["dataset", "build", "--out", "data/train.jsonl", "--replay", "replay.jsonl", "--replay-ratio", "0.5", "--seed", "3"]);

        result.ExitCode.Should().Be(0, result.Err);
        var bytes = await File.ReadAllBytesAsync(repo["data/train.jsonl"]);
        var lines = (await File.ReadAllLinesAsync(repo["data/train.jsonl"])).ToList();
        var manifest = JsonSerializer.Deserialize<DatasetManifest>(await File.ReadAllTextAsync(repo["data/train.manifest.json"]), LearnJson.Compact)!;

        lines.Should().HaveCount(6).And.AllSatisfy(line => ChatExample.FromLine(line).Should().NotBeNull());
        manifest.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        manifest.Format.Should().Be("chat-messages-jsonl");
        manifest.Counts.New.Should().Be(3);
        manifest.Counts.Replay.Should().Be(3);
        manifest.Examples.Select(e => e.Reason).Should().Equal(
            ExampleReason.FailedThenFixed, ExampleReason.ErrorsFixed, ExampleReason.ErrorsFixed,
            ExampleReason.Replay, ExampleReason.Replay, ExampleReason.Replay);
        manifest.Sources.Replay.Should().Be(repo["replay.jsonl"]);
        manifest.Sources.EvalSetHash.Should().Be(BundledKoans.Set.EvalSetHash);
        manifest.Sources.Seed.Should().Be(3);
        result.Out.Should().Contain($"Wrote 6 example(s) to {repo["data/train.jsonl"]}").And.Contain(manifest.Sha256);
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_replay_ratio_half_of_the_dataset_is_replayed()
    {
        using var repo = await SeededRepositoryAsync();

        var result = await CliRun.InProcessAsync(repo.Path, ["dataset", "build", "--out", "train.jsonl", "--replay", "replay.jsonl", "--json"]);

        result.ExitCode.Should().Be(0, result.Err);
        var manifest = JsonSerializer.Deserialize<DatasetManifest>(result.Out, LearnJson.Compact)!;
        manifest.Sources.ReplayRatio.Should().Be(0.5);
        manifest.Counts.Replay.Should().Be(manifest.Counts.New).And.BeGreaterThan(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_replay_ratio_of_one_is_a_usage_error()
    {
        using var repo = new TempDir("dataset");
        repo.Write("nightshift.yml", "version: 1\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["dataset", "build", "--replay-ratio", "1"]);

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("The replay ratio is a share from 0 up to 1");
    }

    /// <summary>A repository whose journal holds the fixture's episodes, with a replay buffer of ten lines in replay.jsonl.</summary>
    private static async Task<TempDir> SeededRepositoryAsync()
    {
        var repo = new TempDir("dataset");
        repo.Write("nightshift.yml", "version: 1\n");
        await using (var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal))
        {
            await DatasetFixture.SeedAsync(journal);
        }

        repo.Write("replay.jsonl", DatasetFixture.ReplayText(10, evalLine: 2));
        return repo;
    }
}
