using System.Text.Json;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Examples;

/// <summary>
/// examples/transpiler (issue 16): a generator whose planted bugs make its outputs fail. Its probe runs the built
/// generator and then rustc on every corpus item, so the baseline needs a cargo build first.
/// </summary>
public sealed class TranspilerSpecs
{
    private static readonly TimeSpan _toolTimeout = TimeSpan.FromMinutes(2);

    [Fact(Timeout = 240_000)]
    public async Task The_built_generator_gives_a_baseline_of_at_least_four_error_clusters_of_five_items_each()
    {
        using var temp = new TempDir("transpiler");
        var project = temp.Path;
        ExampleFolder.CopyTo("transpiler", project);
        foreach (var git in new[] { new[] { "init", "--quiet" }, ["add", "."], ["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "example"] })
        {
            (await ToolRun.RunAsync("git", git, project, null, _toolTimeout, CancellationToken.None)).ExitCode.Should().Be(0);
        }

        var build = await ToolRun.RunAsync("cargo", ["build", "--offline", "--quiet"], project, null, _toolTimeout, CancellationToken.None);
        build.ExitCode.Should().Be(0, build.StandardError);

        var run = await CliRun.InProcessAsync(project, ["baseline", "--json"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var errors = json.RootElement.GetProperty("clusters").EnumerateArray()
            .Where(c => c.GetProperty("severity").GetString() == "error")
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("items").GetInt32());
        errors.Where(e => e.Value >= 5).Should().HaveCountGreaterThanOrEqualTo(4, $"clusters: {string.Join(", ", errors)}");
        // Every error is rustc's about generated code: the generator itself ran on every item.
        errors.Keys.Should().OnlyContain(code => code.StartsWith('E'));
        json.RootElement.GetProperty("items").GetInt32().Should().Be(Directory.GetFiles(Path.Combine(project, "corpus"), "*.tiny").Length);
    }

    [Fact(Timeout = 600_000)]
    public async Task A_replay_night_lands_one_generator_fix_per_planted_bug_and_states_the_warnings_they_reveal()
    {
        using var repo = await ExampleRepoAsync("transpiler-night");
        var checkout = await repo.FingerprintAsync();

        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("errors_now").GetInt32().Should().Be(0);
        var branch = json.RootElement.GetProperty("branch").GetString()!;
        var commits = (await repo.GitAsync("log", "--reverse", "--format=%H", $"main..{branch}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var landed = new List<(string Cluster, string[] Files)>();
        foreach (var commit in commits)
        {
            var body = await repo.GitAsync("log", "-1", "--format=%B", commit);
            var files = (await repo.GitAsync("diff-tree", "--no-commit-id", "--name-only", "-r", commit)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            landed.Add((body.Split('\n').Single(line => line.StartsWith("Verified: ", StringComparison.Ordinal)).Split(' ')[1], files));
        }

        // One commit per planted bug (and one for the warnings the fixes revealed), each touching the generator only.
        landed.Select(l => l.Cluster).Should().Contain(["rustc:error:E0308", "rustc:error:E0599", "rustc:error:E0277", "rustc:error:E0384", "rustc:error:E0425"]);
        landed.Should().HaveCount(6);
        landed.SelectMany(l => l.Files).Should().OnlyContain(file => file.StartsWith("src/", StringComparison.Ordinal) && file.EndsWith(".rs", StringComparison.Ordinal));
        (await repo.GitAsync("log", "--format=%s", $"main..{branch}")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should().OnlyContain(subject => subject.StartsWith("NS-000", StringComparison.Ordinal));
        (await repo.FingerprintAsync()).Should().Equal(checkout);

        var report = await CliRun.InProcessAsync(repo.Path, ["report"]);
        report.Out.Should().Contain("revealed: unused_mut 4");
    }

    [Fact(Timeout = 300_000)]
    public async Task Verify_accepts_a_correct_generator_fix_and_rejects_the_wrong_one_with_its_reasons()
    {
        using var repo = await ExampleRepoAsync("transpiler-verify");

        var accepted = await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", "fixes/rustc_error_E0599.patch"]);
        var rejected = await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", "wrong-fixes/rustc_error_E0308.patch", "--cluster", "E0308"]);

        accepted.ExitCode.Should().Be(0, accepted.Out + accepted.Err);
        accepted.Out.Should().Contain("rustc:error:E0599 26 -> 0; errors 98 -> 72; revealed: unused_mut 4; build ok");
        rejected.ExitCode.Should().Be(1, rejected.Out + rejected.Err);
        rejected.Out.Should().Contain("E0106 appeared with 9 diagnostics: a new cluster")
            .And.Contain("test tiny_types_map_to_owned_rust_types passed at baseline and failed after");
    }

    /// <summary>A git repository holding the example alone, committed on main.</summary>
    private static async Task<GitRepo> ExampleRepoAsync(string prefix)
    {
        var repo = await GitRepo.InitAsync(prefix);
        File.Delete(repo["README.md"]);
        File.Delete(repo["src/lib.rs"]);
        File.Delete(repo[".gitignore"]);
        ExampleFolder.CopyTo("transpiler", repo.Path);
        await repo.CommitAllAsync("the transpiler example");
        return repo;
    }
}
