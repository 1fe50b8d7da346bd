using Nightshift.Git;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Git;

public sealed class GitRepositorySpecs
{
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact(Timeout = 30_000)]
    public async Task Opening_from_a_subfolder_finds_the_checkout_and_its_git_directories()
    {
        using var repo = await GitRepo.InitAsync("repository");

        var git = await GitRepository.OpenAsync(Path.Combine(repo.Path, "src"));

        git.Paths.Should().Be(new GitPaths(repo.Path, Path.Combine(repo.Path, ".git"), Path.Combine(repo.Path, ".git")));
    }

    [Fact(Timeout = 30_000)]
    public async Task Opening_a_folder_outside_any_checkout_says_so()
    {
        using var dir = new TempDir("not-a-repo");

        var open = () => GitRepository.OpenAsync(dir.Path);

        await open.Should().ThrowAsync<NightshiftException>().WithMessage($"{dir.Path} is not inside a git checkout*");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_commit_is_made_from_a_tree_and_read_back_without_moving_any_ref()
    {
        using var repo = await GitRepo.InitAsync("repository");
        var head = await repo.RevParseAsync("HEAD");
        var refs = await repo.GitAsync("for-each-ref");
        var git = await GitRepository.OpenAsync(repo.Path);
        var tree = await git.TreeOfAsync(head, _ct);

        var commit = await git.CommitTreeAsync(tree, head, "subject\n\nKey: value\n", _ct);

        (await repo.RevParseAsync($"{commit}^")).Should().Be(head);
        (await repo.RevParseAsync($"{commit}^{{tree}}")).Should().Be(tree);
        (await git.CommitsWithTrailersAsync($"{head}..{commit}", null, _ct)).Should().ContainSingle().Which["key"].Should().Be("value");
        (await repo.GitAsync("for-each-ref")).Should().Be(refs);
    }

    [Fact(Timeout = 30_000)]
    public async Task Advancing_a_branch_is_a_compare_and_swap()
    {
        using var repo = await GitRepo.InitAsync("repository");
        var head = await repo.RevParseAsync("HEAD");
        var git = await GitRepository.OpenAsync(repo.Path);
        await git.CreateBranchAsync("nightshift/t", head, _ct);
        var tree = await git.TreeOfAsync(head, _ct);
        var first = await git.CommitTreeAsync(tree, head, "first", _ct);
        var rival = await git.CommitTreeAsync(tree, head, "rival", _ct);

        var won = await git.TryAdvanceBranchAsync("nightshift/t", first, head, _ct);
        var lost = await git.TryAdvanceBranchAsync("nightshift/t", rival, head, _ct);

        won.Should().BeTrue();
        lost.Should().BeFalse();
        (await git.BranchTipAsync("nightshift/t", _ct)).Should().Be(first);
    }

    [Fact(Timeout = 30_000)]
    public async Task Creating_a_branch_that_exists_fails_instead_of_moving_it()
    {
        using var repo = await GitRepo.InitAsync("repository");
        var head = await repo.RevParseAsync("HEAD");
        var git = await GitRepository.OpenAsync(repo.Path);
        var other = await git.CommitTreeAsync(await git.TreeOfAsync(head, _ct), head, "other", _ct);
        await git.CreateBranchAsync("nightshift/t", head, _ct);

        var again = () => git.CreateBranchAsync("nightshift/t", other, _ct);

        await again.Should().ThrowAsync<GitException>().WithMessage("*already exists*");
        (await git.BranchTipAsync("nightshift/t", _ct)).Should().Be(head);
    }

    [Fact(Timeout = 30_000)]
    public async Task Pending_changes_list_staged_unstaged_renamed_deleted_and_untracked_paths_but_not_ignored_ones()
    {
        using var repo = await GitRepo.InitAsync("repository");
        repo.Write("src/lib.rs", "changed\n");
        repo.Write("new file.txt", "untracked, with a space\n");
        repo.Write("target/out.bin", "ignored\n");
        await repo.GitAsync("mv", "README.md", "READ-ME.md");
        var git = await GitRepository.OpenAsync(repo.Path);
        git.Paths.State.EnsureCreated();
        File.WriteAllText(Path.Combine(git.Paths.State.Root, "nightshift.db"), "journal");

        var pending = await git.PendingChangesAsync([], _ct);

        pending.Should().BeEquivalentTo(new[]
        {
            new PendingChange("R ", "READ-ME.md"),
            new PendingChange(" M", "src/lib.rs"),
            new PendingChange("??", "new file.txt"),
        });
    }

    [Fact(Timeout = 30_000)]
    public async Task A_command_that_runs_too_long_is_stopped_and_reported_as_a_failure_of_the_item()
    {
        using var repo = await GitRepo.InitAsync("repository");
        await repo.GitAsync("config", "filter.slow.clean", "sleep 30");
        repo.Write(".gitattributes", "*.slow filter=slow\n");
        repo.Write("data.slow", "hashed through a filter that hangs\n");
        var git = await GitRepository.OpenAsync(repo.Path, new GitOptions { CommandTimeout = TimeSpan.FromSeconds(1) });

        var snapshot = () => git.SnapshotWorkingTreeAsync([], _ct);

        var timedOut = (await snapshot.Should().ThrowAsync<GitException>()).Which;
        timedOut.Message.Should().Contain("git add --all").And.Contain("did not finish within 1 s");
        timedOut.IsFatal.Should().BeFalse();
        timedOut.Result!.StopCause.Should().Be(Nightshift.Execution.StopCause.TimedOut);
    }
}
