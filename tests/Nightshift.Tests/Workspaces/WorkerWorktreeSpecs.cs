using Nightshift.Git;
using Nightshift.Tests.Support;
using Nightshift.Workspaces;

namespace Nightshift.Tests.Workspaces;

/// <summary>
/// A worker's own worktree (<c>.nightshift/worktrees/worker-N</c>): created once, kept across attempts and sessions, reset
/// before every lease to exactly the attempt's base commit, its ignored build outputs kept, and recreated when it cannot be
/// proven clean. The user's checkout is never touched.
/// </summary>
public sealed class WorkerWorktreeSpecs : IAsyncLifetime
{
    private readonly CancellationToken _ct = CancellationToken.None;
    private GitRepo _repo = null!;
    private GitRepository _git = null!;
    private string _first = null!;
    private string _second = null!;

    public async Task InitializeAsync()
    {
        _repo = await GitRepo.InitAsync("worker-worktree");
        _repo.Write("bin/run.sh", "#!/bin/sh\n");
        _repo.Write(".gitignore", "target/\nobj/\n*.log\n");
        _first = await _repo.CommitAllAsync("scripts");
        _repo.Write("src/lib.rs", "pub fn answer() -> u32 {\n    42\n}\n");
        _second = await _repo.CommitAllAsync("answer 42");
        _git = await GitRepository.OpenAsync(_repo.Path);
    }

    public Task DisposeAsync()
    {
        _repo.Dispose();
        return Task.CompletedTask;
    }

    [Fact(Timeout = 60_000)]
    public async Task The_next_lease_gets_the_same_folder_at_its_own_commit_with_nothing_of_the_last_attempt_but_kept_build_outputs()
    {
        var manager = new WorkspaceManager(_git);
        var user = await _repo.FingerprintAsync();
        var first = await manager.CreateAsync("1", _first, worker: 0, _ct);
        first.IsReused.Should().BeTrue();
        first.Path.Should().Be(manager.WorkerFolder(0));
        // Everything an agent may leave behind: edits, a new file, a deletion, staged work, a commit, an untracked file in a
        // kept folder the repository does not ignore, ignored build outputs and an ignored log.
        File.WriteAllText(Path.Combine(first.Path, "src", "lib.rs"), "broken\n");
        File.WriteAllText(Path.Combine(first.Path, "src", "new.rs"), "// new\n");
        File.Delete(Path.Combine(first.Path, "README.md"));
        File.WriteAllText(Path.Combine(first.Path, "bin", "agent.sh"), "echo left behind\n");
        File.WriteAllText(Path.Combine(first.Path, "debug.log"), "ignored\n");
        Directory.CreateDirectory(Path.Combine(first.Path, "target", "debug"));
        File.WriteAllText(Path.Combine(first.Path, "target", "debug", "app.o"), "object\n");
        Directory.CreateDirectory(Path.Combine(first.Path, "obj"));
        File.WriteAllText(Path.Combine(first.Path, "obj", "cache"), "cache\n");
        await GitIn(first.Path, "add", "--all");
        await GitIn(first.Path, "commit", "--quiet", "-m", "the agent committed");
        File.WriteAllText(Path.Combine(first.Path, "src", "staged.rs"), "// staged\n");
        await GitIn(first.Path, "add", "src/staged.rs");
        await first.DisposeAsync();
        Directory.Exists(first.Path).Should().BeTrue("a worker's worktree is handed back, not removed");

        await using var second = await manager.CreateAsync("2", _second, worker: 0, _ct);

        second.Path.Should().Be(first.Path);
        second.BaseCommit.Should().Be(_second);
        (await GitIn(second.Path, "rev-parse", "HEAD")).Trim().Should().Be(_second);
        (await GitIn(second.Path, "status", "--porcelain", "--untracked-files=all")).Should().BeEmpty();
        File.ReadAllText(Path.Combine(second.Path, "src", "lib.rs")).Should().Contain("42");
        File.Exists(Path.Combine(second.Path, "README.md")).Should().BeTrue();
        File.Exists(Path.Combine(second.Path, "src", "new.rs")).Should().BeFalse();
        File.Exists(Path.Combine(second.Path, "src", "staged.rs")).Should().BeFalse();
        File.Exists(Path.Combine(second.Path, "bin", "agent.sh")).Should().BeFalse("bin/ is kept only where the repository ignores it");
        File.Exists(Path.Combine(second.Path, "bin", "run.sh")).Should().BeTrue();
        File.Exists(Path.Combine(second.Path, "debug.log")).Should().BeFalse();
        File.ReadAllText(Path.Combine(second.Path, "target", "debug", "app.o")).Should().Be("object\n", "build outputs survive, so builds are incremental");
        File.Exists(Path.Combine(second.Path, "obj", "cache")).Should().BeTrue();
        (await second.CaptureAsync(_ct)).ChangedPaths.Should().BeEmpty();
        (await _repo.FingerprintAsync()).Should().Equal(user);
        (await _git.ListWorktreesAsync(_ct)).Should().HaveCount(2);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_worktree_with_a_branch_checked_out_is_recreated_and_the_branch_is_not_moved()
    {
        var manager = new WorkspaceManager(_git);
        var first = await manager.CreateAsync("1", _second, worker: 0, _ct);
        await GitIn(first.Path, "checkout", "--quiet", "-b", "agent-branch");
        File.WriteAllText(Path.Combine(first.Path, "marker.txt"), "from the first attempt\n");
        await first.DisposeAsync();
        var events = new List<GitEvent>();
        var git = await GitRepository.OpenAsync(_repo.Path, onEvent: events.Add);

        await using var second = await new WorkspaceManager(git).CreateAsync("2", _first, worker: 0, _ct);

        (await _repo.RevParseAsync("agent-branch")).Should().Be(_second, "a reset there would have moved the branch");
        (await GitIn(second.Path, "rev-parse", "HEAD")).Trim().Should().Be(_first);
        (await GitIn(second.Path, "symbolic-ref", "-q", "HEAD").ContinueWith(t => t.IsFaulted)).Should().BeTrue("detached again");
        File.Exists(Path.Combine(second.Path, "marker.txt")).Should().BeFalse();
        events.OfType<GitEvent.WorktreeRecreated>().Should().ContainSingle().Which.Path.Should().Be(second.Path);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_worker_folder_that_lost_its_git_file_is_recreated_without_touching_the_users_checkout()
    {
        var manager = new WorkspaceManager(_git);
        var first = await manager.CreateAsync("1", _second, worker: 0, _ct);
        await first.DisposeAsync();
        File.Delete(Path.Combine(first.Path, ".git"));
        File.WriteAllText(Path.Combine(first.Path, "src", "lib.rs"), "not reset\n");
        _repo.Write("src/lib.rs", "the user's own edit\n");
        await _repo.GitAsync("checkout", "--quiet", "--detach", _second);
        var user = await _repo.FingerprintAsync();

        await using var second = await manager.CreateAsync("2", _first, worker: 0, _ct);

        (await _repo.FingerprintAsync()).Should().Equal(user);
        (await GitIn(second.Path, "rev-parse", "HEAD")).Trim().Should().Be(_first);
        File.ReadAllText(Path.Combine(second.Path, "src", "lib.rs")).Should().Contain("41");
    }

    [Fact(Timeout = 60_000)]
    public async Task While_a_worker_holds_its_worktree_a_second_lease_gets_a_fresh_one_removed_after()
    {
        var manager = new WorkspaceManager(_git);
        await using var held = await manager.CreateAsync("verify-head", _second, worker: 0, _ct);

        var other = await manager.CreateAsync("verify-patch", _second, worker: 0, _ct);

        other.IsReused.Should().BeFalse();
        other.Path.Should().Be(Path.Combine(manager.Root, "verify-patch"));
        await other.DisposeAsync();
        Directory.Exists(other.Path).Should().BeFalse();
        await held.DisposeAsync();
        await using var again = await manager.CreateAsync("3", _second, worker: 0, _ct);
        again.Path.Should().Be(held.Path, "released, the worker's worktree is leased again");
    }

    [Fact(Timeout = 60_000)]
    public async Task The_next_session_reuses_the_worktree_after_the_start_prune_without_checking_it_out_again()
    {
        var first = await new WorkspaceManager(_git).CreateAsync("1", _second, worker: 1, _ct);
        var identity = File.ReadAllText(Path.Combine(_repo.Path, ".git", "worktrees", "worker-1", "gitdir"));
        Directory.CreateDirectory(Path.Combine(first.Path, "target"));
        File.WriteAllText(Path.Combine(first.Path, "target", "warm"), "built last night\n");
        File.WriteAllText(Path.Combine(first.Path, "src", "lib.rs"), "killed mid-edit\n"); // a kill -9: never disposed

        var next = new WorkspaceManager(_git);
        (await next.PruneStaleAsync([], _ct)).Should().BeEmpty();
        await using var second = await next.CreateAsync("1", _first, worker: 1, _ct);

        second.Path.Should().Be(first.Path);
        File.ReadAllText(Path.Combine(second.Path, "target", "warm")).Should().Be("built last night\n", "the same checkout, not a new one");
        File.ReadAllText(Path.Combine(_repo.Path, ".git", "worktrees", "worker-1", "gitdir")).Should().Be(identity);
        File.ReadAllText(Path.Combine(second.Path, "src", "lib.rs")).Should().Contain("41");
        (await GitIn(second.Path, "status", "--porcelain", "--untracked-files=all")).Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Reset_and_clean_run_only_in_an_attempts_worktree_never_in_the_users_checkout()
    {
        var head = await _repo.RevParseAsync("HEAD");

        GitGuard.Why(new GitCall(["reset", "--hard", head]), _git.Paths).Should().Contain("never in the user's checkout");
        GitGuard.Why(new GitCall(["clean", "-d", "-f", "-f", "-x"]), _git.Paths).Should().Contain("never forces");
        GitGuard.Why(new GitCall(["clean", "-d", "-x"]), _git.Paths).Should().Contain("never in the user's checkout");
        var worktree = new WorkspaceManager(_git).WorkerFolder(0);
        GitGuard.Why(new GitCall(["reset", "--hard", head]) { WorkingDirectory = worktree }, _git.Paths).Should().BeNull();
        GitGuard.Why(new GitCall(["reset", "--hard", "main"]) { WorkingDirectory = worktree }, _git.Paths).Should().Contain("full commit id");
        GitGuard.Why(new GitCall(["reset", "--soft", head]) { WorkingDirectory = worktree }, _git.Paths).Should().Contain("--soft");
        GitGuard.Why(new GitCall(["clean", "-d", "-f", "-f", "-x", "--exclude=target/"]) { WorkingDirectory = worktree }, _git.Paths).Should().BeNull();
        GitGuard.Why(new GitCall(["clean", "-f", "src"]) { WorkingDirectory = worktree }, _git.Paths).Should().Contain("names no path");
        await Task.CompletedTask;
    }

    private Task<string> GitIn(string worktree, params string[] arguments) =>
        _repo.GitAsync(["-C", worktree, .. arguments]);
}
