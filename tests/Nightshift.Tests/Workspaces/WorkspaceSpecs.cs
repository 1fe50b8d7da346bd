using Nightshift.Git;
using Nightshift.Tests.Support;
using Nightshift.Workspaces;

namespace Nightshift.Tests.Workspaces;

/// <summary>Fresh worktrees (<c>workspace.reuse: false</c>, or a worker's own already leased): checked out per attempt, removed after.</summary>
public sealed class WorkspaceSpecs
{
    private static readonly WorkspaceOptions _fresh = new() { Reuse = false };
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact(Timeout = 30_000)]
    public async Task A_workspace_is_a_detached_worktree_of_the_commit_under_the_nightshift_folder()
    {
        using var repo = await GitRepo.InitAsync("workspace");
        var head = await repo.RevParseAsync("HEAD");
        await repo.GitAsync("branch", "nightshift/tonight");
        var git = await GitRepository.OpenAsync(repo.Path);

        await using var workspace = await new WorkspaceManager(git, _fresh).CreateAsync("17", head, worker: 1, _ct);

        workspace.Path.Should().Be(Path.Combine(repo.Path, ".nightshift", "worktrees", "17"));
        File.ReadAllText(Path.Combine(workspace.Path, "src", "lib.rs")).Should().Contain("41");
        var listed = (await git.ListWorktreesAsync(_ct)).Should().Contain(w => w.Path == workspace.Path).Subject;
        listed.Should().Be(new WorktreeInfo(workspace.Path, head, Branch: null, IsPrunable: false), "detached: the session branch stays free");
        (await repo.GitAsync("status", "--porcelain", "--untracked-files=all")).Should().BeEmpty("the worktree is inside the ignored .nightshift/");
    }

    [Fact(Timeout = 30_000)]
    public async Task Provisioning_copies_files_sets_a_per_worker_environment_and_runs_the_setup_command_in_the_worktree()
    {
        using var repo = await GitRepo.InitAsync("workspace");
        repo.Write(".env", "TOKEN=secret\n");
        repo.Write("config/local/db.toml", "url = 'x'\n");
        var git = await GitRepository.OpenAsync(repo.Path);
        var options = new WorkspaceOptions
        {
            CopyFiles = [".env", "config/local", "missing.txt"],
            Environment = new Dictionary<string, string> { ["NS_CACHE"] = "{nightshift}/cache/w{worker}" },
            SetupCommand = ["sh", "-c", "mkdir -p \"$CARGO_TARGET_DIR\" && pwd > \"$CARGO_TARGET_DIR/setup-ran-in\""],
        };

        await using var workspace = await new WorkspaceManager(git, options).CreateAsync("a1", await repo.RevParseAsync("HEAD"), worker: 2, _ct);

        workspace.ProvisionedFiles.Should().Equal(".env", "config/local");
        File.ReadAllText(Path.Combine(workspace.Path, ".env")).Should().Be("TOKEN=secret\n");
        File.ReadAllText(Path.Combine(workspace.Path, "config", "local", "db.toml")).Should().Be("url = 'x'\n");
        var target = Path.Combine(repo.Path, ".nightshift", "target", "worker-2");
        workspace.Environment["CARGO_TARGET_DIR"].Should().Be(target);
        workspace.Environment["NS_CACHE"].Should().Be(Path.Combine(repo.Path, ".nightshift") + "/cache/w2");
        File.ReadAllText(Path.Combine(target, "setup-ran-in")).Trim().Should().Be(workspace.Path);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_captured_change_holds_the_agents_edits_and_never_the_provisioned_files()
    {
        using var repo = await GitRepo.InitAsync("workspace");
        repo.Write(".env", "TOKEN=secret\n");
        var git = await GitRepository.OpenAsync(repo.Path);
        var head = await repo.RevParseAsync("HEAD");
        await using var workspace = await new WorkspaceManager(git, new WorkspaceOptions { CopyFiles = [".env"] }).CreateAsync("a1", head, 0, _ct);
        File.WriteAllText(Path.Combine(workspace.Path, "src", "lib.rs"), "pub fn answer() -> u32 {\n    42\n}\n");
        File.WriteAllText(Path.Combine(workspace.Path, "src", "new.rs"), "// new\n");
        File.WriteAllBytes(Path.Combine(workspace.Path, "logo.bin"), [0, 1, 2, 255, 0, 7]);
        File.Delete(Path.Combine(workspace.Path, "README.md"));
        File.WriteAllText(Path.Combine(workspace.Path, ".env"), "TOKEN=changed by the agent\n");
        Directory.CreateDirectory(Path.Combine(workspace.Path, "target"));
        File.WriteAllText(Path.Combine(workspace.Path, "target", "build.log"), "ignored by the project\n");

        var change = await workspace.CaptureAsync(_ct);

        change.BaseCommit.Should().Be(head);
        change.ChangedPaths.Should().BeEquivalentTo("README.md", "logo.bin", "src/lib.rs", "src/new.rs");
        change.Patch.Should().Contain("GIT binary patch").And.Contain("+    42").And.NotContain("TOKEN");
        (await repo.GitAsync("ls-tree", "-r", "--name-only", change.Tree)).Should().NotContain(".env");
        await VerifyPatchAppliesAsync(repo, head, change);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_failing_setup_command_is_reported_and_leaves_no_worktree()
    {
        using var repo = await GitRepo.InitAsync("workspace");
        var git = await GitRepository.OpenAsync(repo.Path);
        var manager = new WorkspaceManager(git, _fresh with { SetupCommand = ["sh", "-c", "echo cannot fetch deps >&2; exit 3"] });

        var create = () => manager.CreateAsync("a1", "HEAD", 0, _ct);

        (await create.Should().ThrowAsync<WorkspaceSetupException>()).Which.Message
            .Should().Contain("exited with 3").And.Contain("cannot fetch deps");
        Directory.Exists(Path.Combine(manager.Root, "a1")).Should().BeFalse();
        (await git.ListWorktreesAsync(_ct)).Should().ContainSingle("only the user's checkout is left");
    }

    [Fact(Timeout = 30_000)]
    public async Task Disposing_a_workspace_removes_its_folder_and_its_record_even_with_untracked_files()
    {
        using var repo = await GitRepo.InitAsync("workspace");
        var git = await GitRepository.OpenAsync(repo.Path);
        var workspace = await new WorkspaceManager(git, _fresh).CreateAsync("a1", "HEAD", 0, _ct);
        File.WriteAllText(Path.Combine(workspace.Path, "scratch.txt"), "left by the agent\n");

        await workspace.DisposeAsync();

        Directory.Exists(workspace.Path).Should().BeFalse();
        (await git.ListWorktreesAsync(_ct)).Should().ContainSingle();
        Directory.Exists(Path.Combine(repo.Path, ".git", "worktrees", "a1")).Should().BeFalse();
    }

    [Fact(Timeout = 30_000)]
    public async Task At_start_the_worktrees_of_a_crashed_run_are_pruned_and_live_ones_kept()
    {
        using var repo = await GitRepo.InitAsync("workspace");
        var git = await GitRepository.OpenAsync(repo.Path);
        var crashed = new WorkspaceManager(git, _fresh);
        var kept = await new WorkspaceManager(git).CreateAsync("5", "HEAD", 3, _ct);
        var orphan = await crashed.CreateAsync("1", "HEAD", 0, _ct);
        var live = await crashed.CreateAsync("2", "HEAD", 1, _ct);
        var vanished = await crashed.CreateAsync("3", "HEAD", 2, _ct);
        Directory.Delete(vanished.Path, recursive: true);                       // folder gone, record left
        Directory.CreateDirectory(Path.Combine(crashed.Root, "4", "half-made"));  // folder git never knew
        File.WriteAllText(Path.Combine(orphan.Path, "edit.txt"), "unsaved work of a dead attempt\n");
        using var elsewhere = new TempDir("user-worktree");
        await repo.GitAsync("worktree", "add", "--quiet", "--detach", Path.Combine(elsewhere.Path, "mine"));

        var pruned = await new WorkspaceManager(git).PruneStaleAsync(["2"], _ct);

        pruned.Select(Path.GetFileName).Should().BeEquivalentTo("1", "3", "4");
        Directory.Exists(live.Path).Should().BeTrue();
        Directory.GetDirectories(crashed.Root).Should().BeEquivalentTo([live.Path, kept.Path], "a worker's own worktree is reset when next leased");
        (await git.ListWorktreesAsync(_ct)).Select(w => w.Path).Should().BeEquivalentTo(
            repo.Path, live.Path, kept.Path, Path.Combine(elsewhere.Path, "mine"));
    }

    [Fact(Timeout = 30_000)]
    public async Task User_hooks_do_not_run_for_nightshift_worktrees()
    {
        using var repo = await GitRepo.InitAsync("workspace");
        var marker = repo["hook-ran"];
        var hook = repo.Write(".git/hooks/post-checkout", $"#!/bin/sh\ntouch '{marker}'\n");
        await ToolRun.RunAsync("chmod", ["+x", hook], repo.Path, null, TimeSpan.FromSeconds(10), CancellationToken.None);
        var git = await GitRepository.OpenAsync(repo.Path);

        await using var workspace = await new WorkspaceManager(git).CreateAsync("a1", "HEAD", 0, _ct);

        File.Exists(marker).Should().BeFalse();
    }

    [Theory(Timeout = 30_000)]
    [InlineData("../escape")]
    [InlineData("")]
    [InlineData("a/b")]
    public async Task An_attempt_id_that_is_not_a_plain_folder_name_is_refused(string attemptId)
    {
        using var repo = await GitRepo.InitAsync("workspace");
        var git = await GitRepository.OpenAsync(repo.Path);

        var create = () => new WorkspaceManager(git).CreateAsync(attemptId, "HEAD", 0, _ct);

        await create.Should().ThrowAsync<ArgumentException>();
    }

    // The patch must carry the change exactly: applied to the base in a scratch clone, it gives the captured tree.
    private static async Task VerifyPatchAppliesAsync(GitRepo repo, string head, CapturedChange change)
    {
        using var clone = new TempDir("clone");
        await repo.GitAsync("clone", "--quiet", repo.Path, clone.Path);
        var patch = Path.Combine(clone.Path, "..", $"{Path.GetFileName(clone.Path)}.patch");
        await File.WriteAllTextAsync(patch, change.Patch);
        var timeout = TimeSpan.FromSeconds(30);
        (await ToolRun.RunAsync("git", ["checkout", "--quiet", head], clone.Path, null, timeout, CancellationToken.None)).ExitCode.Should().Be(0);
        var apply = await ToolRun.RunAsync("git", ["apply", "--index", patch], clone.Path, null, timeout, CancellationToken.None);
        apply.ExitCode.Should().Be(0, apply.StandardError);
        (await ToolRun.RunAsync("git", ["write-tree"], clone.Path, null, timeout, CancellationToken.None)).StandardOutput.Trim()
            .Should().Be(change.Tree);
        File.Delete(patch);
    }
}
