using Nightshift.Git;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Git;

public sealed class GitGuardSpecs(GitGuardSpecs.DirtyRepository dirty) : IClassFixture<GitGuardSpecs.DirtyRepository>
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private const string Session = "refs/heads/nightshift/x:refs/heads/nightshift/x";

    [Theory(Timeout = 30_000)]
    [InlineData("push", "--force", "origin", Session)]
    [InlineData("push", "-f", "origin", Session)]
    [InlineData("push", "--force-with-lease", "origin", Session)]
    [InlineData("push", "origin", "+" + Session)]
    [InlineData("push", "origin", ":refs/heads/main")]
    [InlineData("push", "origin")]
    [InlineData("push", "--mirror", "origin")]
    [InlineData("push", "origin", "refs/heads/main:refs/heads/nightshift/x")]
    [InlineData("reset", "--hard")]
    [InlineData("reset", "--hard", "HEAD~1")]
    [InlineData("checkout", "--", "README.md")]
    [InlineData("checkout", "-f", "main")]
    [InlineData("switch", "--discard-changes", "main")]
    [InlineData("restore", "README.md")]
    [InlineData("stash")]
    [InlineData("stash", "push", "--include-untracked")]
    [InlineData("clean", "-fdx")]
    [InlineData("commit", "-am", "x")]
    [InlineData("rebase", "main")]
    [InlineData("cherry-pick", Sha)]
    [InlineData("branch", "-f", "main", "HEAD")]
    [InlineData("branch", "-D", "main")]
    [InlineData("branch", "-M", "renamed")]
    [InlineData("branch", "--force", "main", Sha)]
    [InlineData("update-ref", "refs/heads/main", Sha)]
    [InlineData("update-ref", "-d", "refs/heads/main")]
    [InlineData("update-ref", "refs/tags/v1", Sha, Sha)]
    [InlineData("update-ref", "refs/heads/main", Sha, "HEAD")]
    [InlineData("symbolic-ref", "HEAD", "refs/heads/other")]
    [InlineData("config", "user.name", "someone")]
    [InlineData("add", "--all")]
    [InlineData("add", "-f", "target/ignored.bin")]
    [InlineData("read-tree", "HEAD")]
    [InlineData("write-tree")]
    [InlineData("apply", "fix.patch")]
    [InlineData("worktree", "prune")]
    [InlineData("worktree", "add", ".nightshift/worktrees/a1", "HEAD")]
    [InlineData("worktree", "add", "--detach", "../elsewhere", "HEAD")]
    [InlineData("worktree", "remove", "--force", ".")]
    [InlineData("worktree", "remove", "--force", ".nightshift/worktrees/../..")]
    [InlineData("diff", "--output=README.md", "HEAD")]
    [InlineData("log", "--output", "README.md")]
    [InlineData("-c", "core.hooksPath=x", "status")]
    public async Task Commands_that_could_touch_the_users_checkout_or_force_anything_are_refused_before_they_run(params string[] arguments)
    {
        var before = await dirty.Repo.FingerprintAsync();
        var git = await GitRepository.OpenAsync(dirty.Repo.Path);

        var run = () => git.RunAsync(new GitCall(arguments), CancellationToken.None);

        (await run.Should().ThrowAsync<UnsafeGitCommandException>()).Which.IsFatal.Should().BeTrue();
        (await dirty.Repo.FingerprintAsync()).Should().Equal(before);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_branch_checked_out_by_the_user_is_never_moved_or_pushed_even_by_a_well_formed_compare_and_swap()
    {
        using var repo = await GitRepo.InitAsync("guard");
        var head = await repo.RevParseAsync("HEAD");
        var git = await GitRepository.OpenAsync(repo.Path);
        var tree = await git.TreeOfAsync(head, CancellationToken.None);
        var commit = await git.CommitTreeAsync(tree, head, "would move main", CancellationToken.None);

        var advance = () => git.TryAdvanceBranchAsync("main", commit, head, CancellationToken.None);
        var push = () => git.PushBranchAsync("origin", "main", CancellationToken.None);

        (await advance.Should().ThrowAsync<UnsafeGitCommandException>()).Which.Message.Should().Contain("refs/heads/main is checked out in");
        await push.Should().ThrowAsync<UnsafeGitCommandException>();
        (await repo.RevParseAsync("main")).Should().Be(head);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_branch_checked_out_in_another_worktree_of_the_user_is_never_moved()
    {
        using var repo = await GitRepo.InitAsync("guard");
        using var elsewhere = new TempDir("user-worktree");
        var worktree = Path.Combine(elsewhere.Path, "feature");
        await repo.GitAsync("worktree", "add", "--quiet", "-b", "feature", worktree);
        var head = await repo.RevParseAsync("HEAD");
        var git = await GitRepository.OpenAsync(repo.Path);
        var commit = await git.CommitTreeAsync(await git.TreeOfAsync(head, CancellationToken.None), head, "x", CancellationToken.None);

        var advance = () => git.TryAdvanceBranchAsync("feature", commit, head, CancellationToken.None);

        await advance.Should().ThrowAsync<UnsafeGitCommandException>().WithMessage($"*{worktree}*");
        (await repo.RevParseAsync("feature")).Should().Be(head);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_branch_only_moves_forward_never_to_a_commit_that_drops_its_history()
    {
        using var repo = await GitRepo.InitAsync("guard");
        var root = await repo.RevParseAsync("HEAD");
        repo.Write("more.txt", "more\n");
        var head = await repo.CommitAllAsync("second");
        await repo.GitAsync("branch", "nightshift/x", head);
        var git = await GitRepository.OpenAsync(repo.Path);
        var sideways = await git.CommitTreeAsync(await git.TreeOfAsync(root, CancellationToken.None), root, "rewritten", CancellationToken.None);

        var rewind = () => git.TryAdvanceBranchAsync("nightshift/x", root, head, CancellationToken.None);
        var sideStep = () => git.TryAdvanceBranchAsync("nightshift/x", sideways, head, CancellationToken.None);

        await rewind.Should().ThrowAsync<UnsafeGitCommandException>().WithMessage("*rewrite history*");
        await sideStep.Should().ThrowAsync<UnsafeGitCommandException>();
        (await repo.RevParseAsync("nightshift/x")).Should().Be(head);
    }

    [Fact(Timeout = 30_000)]
    public async Task Index_writing_commands_are_allowed_only_on_a_scratch_index_or_in_an_attempt_worktree()
    {
        using var repo = await GitRepo.InitAsync("guard");
        var git = await GitRepository.OpenAsync(repo.Path);
        git.Paths.State.EnsureCreated();
        var scratch = Path.Combine(Directory.CreateDirectory(git.Paths.State.Scratch).FullName, "index-test");
        var foreign = Path.Combine(repo.Path, ".git", "index");

        var applyToUserFiles = () => git.RunAsync(new GitCall(["apply", "fix.patch"]) { IndexFile = scratch }, CancellationToken.None);
        var userIndexByName = () => git.RunAsync(new GitCall(["read-tree", "HEAD"]) { IndexFile = foreign }, CancellationToken.None);
        var outsideTheRepository = () => git.RunAsync(new GitCall(["status"]) { WorkingDirectory = Path.GetTempPath() }, CancellationToken.None);
        var readTree = await git.RunAsync(new GitCall(["read-tree", "HEAD"]) { IndexFile = scratch }, CancellationToken.None);

        await applyToUserFiles.Should().ThrowAsync<UnsafeGitCommandException>().WithMessage("*--cached*");
        await userIndexByName.Should().ThrowAsync<UnsafeGitCommandException>().WithMessage("*not a scratch index*");
        await outsideTheRepository.Should().ThrowAsync<UnsafeGitCommandException>();
        readTree.Succeeded.Should().BeTrue(readTree.StandardError);
        File.Exists(scratch).Should().BeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_file_named_like_an_option_after_the_double_dash_is_a_path_not_a_force_flag()
    {
        using var repo = await GitRepo.InitAsync("guard");
        var git = await GitRepository.OpenAsync(repo.Path);

        var result = await git.RunAsync(GitCall.Of("log", "--format=%H", "HEAD", "--", "-f"), CancellationToken.None);

        result.Succeeded.Should().BeTrue(result.StandardError);
    }

    /// <summary>One checkout with staged, unstaged and untracked work, shared by the refusal cases (none of which may change it).</summary>
    public sealed class DirtyRepository : IAsyncLifetime
    {
        public GitRepo Repo { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Repo = await GitRepo.InitAsync("guard");
            Repo.Write("src/lib.rs", "pub fn answer() -> u32 { 0 }\n");
            await Repo.GitAsync("stash", "push", "--quiet");
            Repo.Write("README.md", "# edited by the user\n");
            Repo.Write("notes.txt", "untracked\n");
            Repo.Write("target/ignored.bin", "ignored\n");
            await Repo.GitAsync("add", "README.md");
        }

        public Task DisposeAsync()
        {
            Repo.Dispose();
            return Task.CompletedTask;
        }
    }
}
