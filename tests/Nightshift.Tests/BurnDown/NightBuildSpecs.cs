using System.Text.Json.Nodes;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.BurnDown;

/// <summary>
/// A generator that must be built before the probe can run it: <c>build</c> copies <c>gen.src</c> to the ignored
/// <c>bin/gen</c>, and the probe runs <c>bin/gen</c> on every corpus item. A fresh worktree has no <c>bin/</c> at all, so
/// every measurement in these nights is of a build made from the worktree's own sources.
/// </summary>
public sealed class NightBuildSpecs
{
    private const string BuggyGenerator = "#!/bin/sh\ngrep -n '^bad$' \"$1\" | while IFS=: read -r n _; do echo \"$1:$n:1: error: bad line\"; done\nexit 0\n";

    [Fact(Timeout = 120_000)]
    public async Task A_generator_fix_is_built_before_it_is_measured_and_lands_touching_only_the_generator()
    {
        using var fix = new TempDir("patch");
        using var repo = await CreateAsync(fix, "#!/bin/sh\n# every line is fine now\nexit 0\n");

        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);

        run.ExitCode.Should().Be(0, run.Err);
        var result = JsonNode.Parse(run.Out)!;
        result["errors_at_baseline"]!.GetValue<int>().Should().Be(6);
        result["errors_now"]!.GetValue<int>().Should().Be(0);
        result["commits"]!.GetValue<int>().Should().Be(1);
        (await repo.GitAsync("diff", "--name-only", "main", "nightshift/test")).Trim().Should().Be("gen.src");
        (await repo.GitAsync("log", "-1", "--format=%B", "nightshift/test")).Should().Contain("build ok in");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_change_that_breaks_the_build_is_rejected_as_build_failed_and_nothing_lands()
    {
        using var fix = new TempDir("patch");
        using var repo = await CreateAsync(fix, "#!/bin/sh\n# BROKEN: the build refuses this\nexit 0\n");

        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);

        run.ExitCode.Should().Be(0, run.Err);
        var result = JsonNode.Parse(run.Out)!;
        result["commits"]!.GetValue<int>().Should().Be(0);
        result["rejections"]!.GetValue<int>().Should().Be(1);
        (await repo.GitAsync("log", "--format=%s", "main..nightshift/test")).Trim().Should().BeEmpty();
        var verdict = await LastVerdictAsync(repo);
        verdict["reasons"]!.AsArray().Select(r => r!["kind"]!.GetValue<string>()).Should().Equal("build_failed");
        verdict["reasons"]![0]!["message"]!.GetValue<string>().Should().Contain("exited 3").And.Contain("gen.src is broken");
        verdict["reasons"]![0]!["tail"]!.GetValue<string>().Should().Contain("gen.src is broken");
    }

    /// <summary>The repository, and in <paramref name="fix"/> the patch the replay agent applies: <c>gen.src</c> becoming <paramref name="fixedGenerator"/>.</summary>
    private static async Task<GitRepo> CreateAsync(TempDir fix, string fixedGenerator)
    {
        var repo = await GitRepo.InitAsync("night-build");
        repo.Write(".gitignore", "bin/\n.nightshift/\n");
        repo.Write("gen.src", BuggyGenerator);
        repo.Write("build.sh", "#!/bin/sh\nif grep -q BROKEN gen.src; then echo 'error: gen.src is broken' >&2; exit 3; fi\nmkdir -p bin && cp gen.src bin/gen\n");
        for (var i = 1; i <= 3; i++)
        {
            repo.Write($"corpus/p{i}.txt", "good\nbad\nbad\n");
        }

        await repo.CommitAllAsync("a generator and its corpus");

        repo.Write("gen.src", fixedGenerator);
        fix.Write("fix.patch", await repo.GitAsync("diff", "--", "gen.src"));
        repo.Write("gen.src", BuggyGenerator);
        repo.Write("nightshift.yml", $$"""
            version: 1
            build:
              command: [sh, build.sh]
            probe:
              corpus:
                items: "corpus/*.txt"
                steps:
                  - [sh, "{root}/bin/gen", "{item}"]
                format: gcc
            agent:
              provider: replay
              replay: "{{fix["fix.patch"]}}"
            limits:
              hours: 10m
              attempts_per_cluster: 1
            landing:
              branch: "nightshift/test"
            """);
        await repo.CommitAllAsync("the configuration");
        return repo;
    }

    private static async Task<JsonNode> LastVerdictAsync(GitRepo repo)
    {
        await using var journal = Nightshift.Store.Journal.Open(Nightshift.Files.NightshiftPaths.For(repo.Path).Journal);
        var attempts = await journal.SessionAttemptsAsync(1, CancellationToken.None);
        return JsonNode.Parse(attempts[^1].VerdictJson!)!;
    }
}
