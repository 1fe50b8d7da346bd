using System.Collections.Concurrent;
using System.Diagnostics;
using Nightshift.Git;
using Nightshift.Landing;
using Nightshift.Tests.Landing;
using Nightshift.Tests.Support;
using Nightshift.Workspaces;

namespace Nightshift.Tests.Git;

public sealed class GitLockSpecs
{
    private readonly ConcurrentQueue<GitEvent> _events = new();

    [Fact(Timeout = 60_000)]
    public async Task A_fresh_index_lock_held_by_a_live_process_is_waited_for_and_never_deleted()
    {
        using var repo = await GitRepo.InitAsync("locks");
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var git = await GitRepository.OpenAsync(repo.Path, new GitOptions { LockWait = TimeSpan.FromSeconds(30) }, e =>
        {
            _events.Enqueue(e);
            if (e is GitEvent.LockWaiting)
            {
                waiting.TrySetResult();
            }
        });
        await using var workspace = await new WorkspaceManager(git).CreateAsync("a1", await repo.RevParseAsync("HEAD"), 0, CancellationToken.None);
        File.WriteAllText(Path.Combine(workspace.Path, "fix.txt"), "fixed\n");
        var lockFile = Path.Combine(await WorktreeGitDirectoryAsync(workspace.Path), "index.lock");
        File.WriteAllText(lockFile, "");
        using var holder = StartProcess("sleep", ["60"], repo.Path);

        var capture = workspace.CaptureAsync(CancellationToken.None);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(20));

        capture.IsCompleted.Should().BeFalse("the capture waits for the lock");
        File.Exists(lockFile).Should().BeTrue("a fresh lock may be a live one");
        _events.OfType<GitEvent.LockWaiting>().Should().ContainSingle().Which.LockPath.Should().Be(lockFile);

        File.Delete(lockFile);
        holder.Release();
        var change = await capture;

        change.ChangedPaths.Should().Equal("fix.txt");
        _events.OfType<GitEvent.StaleLockRemoved>().Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stale_ref_lock_with_no_git_process_alive_is_removed_and_reported()
    {
        using var repo = await GitRepo.InitAsync("locks");
        var git = await GitRepository.OpenAsync(repo.Path, new GitOptions { StaleLockAge = TimeSpan.FromSeconds(2) }, _events.Enqueue);
        var (head, commit) = await CommitOnTopOfHeadAsync(git);
        await git.CreateBranchAsync("nightshift/t", head, CancellationToken.None);
        var lockFile = Path.Combine(repo.Path, ".git", "refs", "heads", "nightshift", "t.lock");
        File.WriteAllText(lockFile, "");
        File.SetLastWriteTimeUtc(lockFile, DateTime.UtcNow.AddHours(-1));

        var advanced = await git.TryAdvanceBranchAsync("nightshift/t", commit, head, CancellationToken.None);

        advanced.Should().BeTrue();
        File.Exists(lockFile).Should().BeFalse();
        (await repo.RevParseAsync("refs/heads/nightshift/t")).Should().Be(commit);
        var removed = _events.OfType<GitEvent.StaleLockRemoved>().Should().ContainSingle().Subject;
        removed.LockPath.Should().Be(lockFile);
        removed.Age.Should().BeGreaterThan(TimeSpan.FromMinutes(59));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_old_lock_is_kept_while_a_git_process_works_in_the_repository_and_removed_once_it_is_gone()
    {
        using var repo = await GitRepo.InitAsync("locks");
        var options = new GitOptions { StaleLockAge = TimeSpan.FromSeconds(2), LockWait = TimeSpan.FromSeconds(1.5) };
        var git = await GitRepository.OpenAsync(repo.Path, options, _events.Enqueue);
        var (head, commit) = await CommitOnTopOfHeadAsync(git);
        await git.CreateBranchAsync("nightshift/t", head, CancellationToken.None);
        var lockFile = Path.Combine(repo.Path, ".git", "refs", "heads", "nightshift", "t.lock");
        File.WriteAllText(lockFile, "");
        File.SetLastWriteTimeUtc(lockFile, DateTime.UtcNow.AddHours(-1));
        using var liveGit = StartProcess("git", ["cat-file", "--batch"], repo.Path);

        var whileGitRuns = () => git.TryAdvanceBranchAsync("nightshift/t", commit, head, CancellationToken.None);

        (await whileGitRuns.Should().ThrowAsync<GitException>()).Which.Message
            .Should().Contain(lockFile).And.Contain($"pid {liveGit.Id}");
        File.Exists(lockFile).Should().BeTrue();
        (await repo.RevParseAsync("refs/heads/nightshift/t")).Should().Be(head);

        await liveGit.CloseInputAndWaitAsync();
        var advanced = await git.TryAdvanceBranchAsync("nightshift/t", commit, head, CancellationToken.None);

        advanced.Should().BeTrue();
        File.Exists(lockFile).Should().BeFalse();
        _events.OfType<GitEvent.StaleLockRemoved>().Should().ContainSingle();
    }

    [Fact(Timeout = 60_000)]
    public async Task The_users_own_index_lock_does_not_block_a_session_and_stays_where_it_is()
    {
        using var repo = await GitRepo.InitAsync("locks");
        repo.Write("src/lib.rs", "pub fn answer() -> u32 {\n    40\n}\n");
        var userLock = Path.Combine(repo.Path, ".git", "index.lock");
        File.WriteAllText(userLock, "the user's git commit is in its editor");
        File.SetLastWriteTimeUtc(userLock, DateTime.UtcNow.AddHours(-1));
        var gitOptions = new GitOptions { LockWait = TimeSpan.FromSeconds(2), StaleLockAge = TimeSpan.FromSeconds(1) };

        await using var setup = await LandingSetup.StartAsync(repo, new LandingOptions { PendingWork = PendingWork.Include }, gitOptions: gitOptions);
        var attempt = await setup.VerifiedAttemptAsync();
        await using var workspace = await setup.WorkspaceAsync("a1", ("fix.txt", "fixed\n"));
        var result = await setup.LandAsync(attempt, workspace);

        result.Should().BeOfType<LandingResult.Landed>();
        File.ReadAllText(userLock).Should().Be("the user's git commit is in its editor");
        setup.Events.OfType<GitEvent.LockWaiting>().Should().BeEmpty();
    }

    private static async Task<(string Head, string Commit)> CommitOnTopOfHeadAsync(GitRepository git)
    {
        var head = await git.HeadAsync(CancellationToken.None);
        var commit = await git.CommitTreeAsync(await git.TreeOfAsync(head, CancellationToken.None), head, "next", CancellationToken.None);
        return (head, commit);
    }

    private static async Task<string> WorktreeGitDirectoryAsync(string worktree)
    {
        var run = await ToolRun.RunAsync("git", ["rev-parse", "--absolute-git-dir"], worktree, null, TimeSpan.FromSeconds(30), CancellationToken.None);
        return run.StandardOutput.Trim();
    }

    private static LiveProcess StartProcess(string program, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new LiveProcess(Process.Start(start)!);
    }

    /// <summary>A process the test started, killed when disposed so that a failing test leaves nothing running.</summary>
    private sealed class LiveProcess(Process process) : IDisposable
    {
        public int Id => process.Id;

        public void Release() => process.Kill();

        public Task CloseInputAndWaitAsync()
        {
            process.StandardInput.Close();
            return process.WaitForExitAsync();
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.Dispose();
        }
    }
}
