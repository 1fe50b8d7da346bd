using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Running;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Tests.Bench;

/// <summary>Where a run starts: a fresh copy per run, from a directory or from a git ref without its history.</summary>
public sealed class BenchWorkspaceSpecs : IDisposable
{
    private readonly TempDir _dir = new("bench-workspace");
    private readonly ProcessRunner _runner = new();

    [Fact(Timeout = 60_000)]
    public async Task A_git_workspace_is_the_tree_of_its_ref_with_none_of_the_later_history()
    {
        await GitAsync("init", "-q");
        _dir.Write("repo/answer.txt", "wrong\n");
        await GitAsync("add", ".");
        await GitAsync("commit", "-qm", "the bug");
        await GitAsync("tag", "v1");
        _dir.Write("repo/answer.txt", "right\n");
        await GitAsync("commit", "-qam", "the fix, which the agent must not find");
        var seen = new List<string>();
        var inspector = new LambdaAgent("inspector", async (request, cancellationToken) =>
        {
            seen.Add(await File.ReadAllTextAsync(Path.Combine(request.Worktree, "answer.txt"), cancellationToken));
            var log = await _runner.RunAsync(CommandSpec.Of("git", "log", "--all", "--format=%s") with { WorkingDirectory = request.Worktree }, cancellationToken);
            seen.Add(log.StandardOutput.Trim());
            await TinySuite.AnswerAsync(request, "right", cancellationToken);
            return LambdaAgent.Finished();
        });
        var suite = Suite("{git: repo, ref: v1}").WithAgents(inspector);

        var outcome = await BenchFixture.RunAsync(suite, BenchFixture.Options(_dir) with { Repeat = 2 }, new TestAgentFactory(inspector));

        outcome.Manifest.Runs.Should().HaveCount(2).And.OnlyContain(r => r.Status == RunStatus.Pass);
        seen.Should().Equal("wrong\n", "bench: base", "wrong\n", "bench: base");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_ref_that_names_no_commit_stops_the_bench_before_any_run()
    {
        await GitAsync("init", "-q");
        _dir.Write("repo/answer.txt", "wrong\n");
        await GitAsync("add", ".");
        await GitAsync("commit", "-qm", "only commit");
        var agent = TinySuite.Answering("a", "right");
        var suite = Suite("{git: repo, ref: v9}").WithAgents(agent);

        var act = () => BenchFixture.RunAsync(suite, BenchFixture.Options(_dir), new TestAgentFactory(agent));

        (await act.Should().ThrowAsync<ConfigException>()).Which.Message.Should().Contain("'v9' names no commit");
        agent.Calls.Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_run_starts_from_the_original_files_whatever_the_previous_run_did()
    {
        var seen = new List<string>();
        var agent = new LambdaAgent("scribbler", async (request, cancellationToken) =>
        {
            seen.Add(string.Join(",", Directory.EnumerateFiles(request.Worktree).Select(Path.GetFileName).Order()));
            await File.WriteAllTextAsync(Path.Combine(request.Worktree, "litter.txt"), "x", cancellationToken);
            await TinySuite.AnswerAsync(request, "right", cancellationToken);
            return LambdaAgent.Finished();
        });
        var suite = TinySuite.Create(_dir).WithAgents(agent);

        await BenchFixture.RunAsync(suite, BenchFixture.Options(_dir) with { Repeat = 3 }, new TestAgentFactory(agent));

        seen.Should().Equal(Enumerable.Repeat("answer.txt,notes.txt", 3), "the hidden check.sh only arrives after the agent");
        Directory.EnumerateFileSystemEntries(_dir["workspaces"], "*", SearchOption.AllDirectories).Should().BeEmpty("run workspaces are removed");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_file_copied_in_with_the_same_size_and_an_old_time_stamp_is_still_a_change()
    {
        // "wrong\n" and "right\n" have one size and File.Copy keeps the old time stamp: when the copy also comes
        // within the second the workspace was made (git compares ctime in seconds), git's stat check alone sees
        // nothing. That second cannot be chosen, so try until it happens, and check every try.
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        _dir.Write("source/answer.txt", "wrong\n");
        _dir.Write("right.txt", "right\n");
        File.SetLastWriteTimeUtc(_dir["source/answer.txt"], stamp);
        File.SetLastWriteTimeUtc(_dir["right.txt"], stamp);
        var git = new BenchGit(_runner);
        var sameSecond = 0;
        for (var attempt = 0; attempt < 20 && sameSecond < 3; attempt++)
        {
            var directory = _dir[$"run{attempt}"];
            var workspace = await RunWorkspace.CreateAsync(new BenchWorkspaceSource.Folder(_dir["source"]), directory, git, CancellationToken.None);
            var before = await ChangeSecondAsync(Path.Combine(directory, "answer.txt"));
            File.Copy(_dir["right.txt"], Path.Combine(directory, "answer.txt"), overwrite: true);
            sameSecond += before == await ChangeSecondAsync(Path.Combine(directory, "answer.txt")) ? 1 : 0;

            var changes = await workspace.ChangesAsync(CancellationToken.None);

            changes.Files.Should().Equal("answer.txt");
        }

        sameSecond.Should().BeGreaterThan(0, "the case that fools git's stat check must have come up");
    }

    private async Task<string> ChangeSecondAsync(string path) =>
        (await _runner.RunAsync(CommandSpec.Of("stat", "-c", "%Z", path))).StandardOutput.Trim();

    private BenchSuite Suite(string workspace)
    {
        TinySuite.Create(_dir);
        var text = "version: 1\ntasks:\n  - id: task1\n    level: L1\n    prompt: p\n" +
            $"    workspace: {workspace}\n    accept: [sh, check.sh]\n    accept_files: tiny/hidden\n";
        return SuiteLoader.LoadText(text, _dir.Write("git-suite.yml", text));
    }

    private async Task GitAsync(params string[] arguments)
    {
        Directory.CreateDirectory(_dir["repo"]);
        var spec = new CommandSpec("git", ["-c", "user.name=t", "-c", "user.email=t@example.test", .. arguments]) { WorkingDirectory = _dir["repo"] };
        var result = await _runner.RunAsync(spec);
        result.Succeeded.Should().BeTrue(result.StandardError);
    }

    public void Dispose() => _dir.Dispose();
}
