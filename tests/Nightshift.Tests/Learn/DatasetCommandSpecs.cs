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
    public async Task Per_family_the_dataset_is_split_by_the_routes_so_a_trainer_can_train_an_adapter_per_family()
    {
        using var repo = await SeededRepositoryAsync();
        repo.Write("nightshift.yml", "version: 1\nagent:\n  routes:\n    E0502|E0382: borrow\n    E0308: types\n");

        var result = await CliRun.InProcessAsync(
            repo.Path, ["dataset", "build", "--out", "data/train.jsonl", "--replay", "replay.jsonl", "--per-family", "--json"]);

        result.ExitCode.Should().Be(0, result.Err);
        var manifest = JsonSerializer.Deserialize<DatasetManifest>(result.Out, LearnJson.Compact)!;
        manifest.Families.Select(f => (f.Family, f.Dataset)).Should().BeEquivalentTo(
            [("borrow", repo["data/train.borrow.jsonl"]), ("types", repo["data/train.types.jsonl"]), ("other", repo["data/train.other.jsonl"])]);
        manifest.Families.Select(f => f.Examples).Should().Equal([2, 1, 3], "two borrow fixes, one type fix, and the replayed lines of no family");
        manifest.Families.Sum(f => f.Examples).Should().Be(manifest.Counts.Total, "every example is in exactly one family");
        var whole = await File.ReadAllLinesAsync(manifest.Dataset);
        foreach (var family in manifest.Families)
        {
            var lines = await File.ReadAllLinesAsync(family.Dataset);
            lines.Should().HaveCount(family.Examples).And.BeSubsetOf(whole);
            var own = JsonSerializer.Deserialize<DatasetManifest>(await File.ReadAllTextAsync(DatasetManifest.PathFor(family.Dataset)), LearnJson.Compact)!;
            own.Examples.Should().HaveCount(family.Examples);
        }

        (await File.ReadAllTextAsync(repo["data/train.borrow.jsonl"])).Should().Contain("E0502").And.Contain("E0382").And.NotContain("E0308");
        (await File.ReadAllTextAsync(repo["data/train.types.jsonl"])).Should().Contain("E0308").And.NotContain("E0502");
        var onDisk = JsonSerializer.Deserialize<DatasetManifest>(await File.ReadAllTextAsync(repo["data/train.manifest.json"]), LearnJson.Compact)!;
        onDisk.Families.Should().BeEquivalentTo(manifest.Families);
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
