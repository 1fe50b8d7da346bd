using Nightshift.Git;
using Nightshift.Landing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Landing;

public sealed class SessionBranchSpecs
{
    private static readonly DateTimeOffset _evening = new(2026, 11, 22, 23, 30, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact(Timeout = 30_000)]
    public async Task The_session_branch_starts_at_the_users_head_and_is_never_checked_out()
    {
        using var repo = await GitRepo.InitAsync("branch");
        var head = await repo.RevParseAsync("HEAD");
        var before = await repo.FingerprintAsync();
        var git = await GitRepository.OpenAsync(repo.Path);

        var branch = await SessionBranches.OpenAsync(git, new LandingOptions(), 1, resume: false, [], new FixedClock(_evening), _ct);

        branch.Should().Be(new SessionBranch("nightshift/2026-11-22", head, head, Resumed: false, PendingSnapshot: null));
        (await repo.RevParseAsync("refs/heads/nightshift/2026-11-22")).Should().Be(head);
        (await repo.GitAsync("symbolic-ref", "HEAD")).Trim().Should().Be("refs/heads/main");
        (await repo.FingerprintAsync()).Should().Equal(before);
        File.ReadAllText(Path.Combine(repo.Path, ".nightshift", ".gitignore")).Should().EndWith("*\n");
        (await repo.GitAsync("status", "--porcelain", "--untracked-files=all")).Should().BeEmpty(".nightshift/ ignores itself");
    }

    [Fact(Timeout = 30_000)]
    public async Task The_branch_template_takes_the_local_start_time_and_the_session_id()
    {
        using var repo = await GitRepo.InitAsync("branch");
        var git = await GitRepository.OpenAsync(repo.Path);

        var branch = await SessionBranches.OpenAsync(
            git, new LandingOptions { Branch = "nightshift/{date}-{time}-s{session}" }, 17, resume: false, [], new FixedClock(_evening), _ct);

        branch.Name.Should().Be("nightshift/2026-11-22-2330-s17");
        (await repo.RevParseAsync("refs/heads/nightshift/2026-11-22-2330-s17")).Should().Be(branch.BaseCommit);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_existing_branch_of_the_same_night_gets_a_numbered_sibling_unless_resuming()
    {
        using var repo = await GitRepo.InitAsync("branch");
        var git = await GitRepository.OpenAsync(repo.Path);
        var clock = new FixedClock(_evening);
        var first = await SessionBranches.OpenAsync(git, new LandingOptions(), 1, resume: false, [], clock, _ct);
        var ahead = await git.CommitTreeAsync(await git.TreeOfAsync(first.StartCommit, _ct), first.StartCommit, "landed earlier", _ct);
        await git.TryAdvanceBranchAsync(first.Name, ahead, first.StartCommit, _ct);

        var second = await SessionBranches.OpenAsync(git, new LandingOptions(), 2, resume: false, [], clock, _ct);
        var third = await SessionBranches.OpenAsync(git, new LandingOptions(), 3, resume: false, [], clock, _ct);
        var resumed = await SessionBranches.OpenAsync(git, new LandingOptions(), 4, resume: true, [], clock, _ct);

        second.Name.Should().Be("nightshift/2026-11-22-2");
        third.Name.Should().Be("nightshift/2026-11-22-3");
        resumed.Should().Be(new SessionBranch("nightshift/2026-11-22", first.BaseCommit, ahead, Resumed: true, null));
    }

    [Fact(Timeout = 30_000)]
    public async Task Uncommitted_changes_are_refused_with_their_paths_by_default()
    {
        using var repo = await GitRepo.InitAsync("branch");
        repo.Write("src/lib.rs", "pub fn answer() -> u32 { 0 }\n");
        for (var i = 1; i <= 6; i++)
        {
            repo.Write($"notes/n{i}.txt", "draft\n");
        }

        var git = await GitRepository.OpenAsync(repo.Path);

        var open = () => SessionBranches.OpenAsync(git, new LandingOptions(), 1, resume: false, [], new FixedClock(_evening), _ct);

        var refusal = (await open.Should().ThrowAsync<PendingChangesException>()).Which;
        refusal.Message.Should().Contain(repo.Path).And.Contain("src/lib.rs").And.Contain("and 2 more").And.Contain("landing.pending: include");
        refusal.Changes.Should().HaveCount(7);
        refusal.ExitCode.Should().Be(ExitCodes.Failed);
        (await repo.GitAsync("branch", "--list", "nightshift/*")).Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Included_changes_become_the_first_commit_of_the_session_branch_and_stay_in_the_users_tree()
    {
        using var repo = await GitRepo.InitAsync("branch");
        repo.Write("src/lib.rs", "pub fn answer() -> u32 {\n    40\n}\n");   // modified, unstaged
        repo.Write("staged.txt", "staged\n");
        await repo.GitAsync("add", "staged.txt");                            // new, staged
        repo.Write("notes.txt", "untracked\n");                             // untracked
        repo.Write("target/debug/big.bin", "ignored\n");                    // ignored
        File.Delete(repo["README.md"]);                                      // deleted
        var before = await repo.FingerprintAsync();
        var git = await GitRepository.OpenAsync(repo.Path);
        var options = new LandingOptions { PendingWork = PendingWork.Include };

        var branch = await SessionBranches.OpenAsync(git, options, 7, resume: false, [], new FixedClock(_evening), _ct);

        branch.PendingSnapshot.Should().NotBeNull().And.Be(branch.StartCommit);
        (await repo.RevParseAsync($"{branch.StartCommit}^")).Should().Be(branch.BaseCommit);
        var files = (await repo.GitAsync("ls-tree", "-r", "--name-only", branch.StartCommit)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        files.Should().BeEquivalentTo(".gitignore", "notes.txt", "src/lib.rs", "staged.txt");
        (await repo.GitAsync("show", $"{branch.StartCommit}:src/lib.rs")).Should().Contain("40");
        var message = await repo.GitAsync("show", "--no-patch", "--format=%B", branch.StartCommit);
        message.Should().Contain("Nightshift-Session: 7").And.Contain("Nightshift-Pending: 4 paths");
        (await repo.FingerprintAsync()).Should().Equal(before);
    }

    [Fact(Timeout = 30_000)]
    public async Task Files_copied_into_worktrees_are_neither_uncommitted_changes_nor_ever_committed()
    {
        using var repo = await GitRepo.InitAsync("branch");
        repo.Write(".env", "TOKEN=secret\n");
        var git = await GitRepository.OpenAsync(repo.Path);
        var clock = new FixedClock(_evening);

        var refused = await SessionBranches.OpenAsync(git, new LandingOptions(), 1, resume: false, [".env"], clock, _ct);
        repo.Write("notes.txt", "draft\n");
        var included = await SessionBranches.OpenAsync(
            git, new LandingOptions { PendingWork = PendingWork.Include }, 2, resume: false, [".env"], clock, _ct);

        refused.PendingSnapshot.Should().BeNull("a provisioned file alone is not pending work");
        (await repo.GitAsync("ls-tree", "-r", "--name-only", included.StartCommit)).Should().Contain("notes.txt").And.NotContain(".env");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_resumed_branch_gets_the_uncommitted_changes_only_once()
    {
        using var repo = await GitRepo.InitAsync("branch");
        repo.Write("notes.txt", "draft one\n");
        var git = await GitRepository.OpenAsync(repo.Path);
        var options = new LandingOptions { PendingWork = PendingWork.Include };
        var clock = new FixedClock(_evening);
        var first = await SessionBranches.OpenAsync(git, options, 1, resume: false, [], clock, _ct);

        var same = await SessionBranches.OpenAsync(git, options, 2, resume: true, [], clock, _ct);
        repo.Write("more.txt", "added later\n");
        var more = await SessionBranches.OpenAsync(git, options, 3, resume: true, [], clock, _ct);

        same.StartCommit.Should().Be(first.StartCommit, "the tip holds these changes already");
        same.PendingSnapshot.Should().BeNull();
        more.PendingSnapshot.Should().NotBeNull();
        (await repo.RevParseAsync($"{more.StartCommit}^")).Should().Be(first.StartCommit);
        (await repo.GitAsync("diff", "--name-only", first.StartCommit, more.StartCommit)).Trim().Should().Be("more.txt");
    }

    [Fact(Timeout = 30_000)]
    public async Task Changes_git_cannot_see_are_nothing_to_commit_not_an_error()
    {
        using var repo = await GitRepo.InitAsync("branch");
        var original = repo.Read("README.md");
        repo.Write("README.md", original); // rewritten with the same bytes: a new mtime, no change
        var git = await GitRepository.OpenAsync(repo.Path);

        var branch = await SessionBranches.OpenAsync(
            git, new LandingOptions { PendingWork = PendingWork.Include }, 1, resume: false, [], new FixedClock(_evening), _ct);

        branch.PendingSnapshot.Should().BeNull();
        branch.StartCommit.Should().Be(branch.BaseCommit);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("nightshift/{date}..x")]
    [InlineData("nightshift/{when}")]
    [InlineData("-nightshift")]
    public async Task A_branch_template_that_gives_no_valid_branch_name_is_a_clear_error(string template)
    {
        using var repo = await GitRepo.InitAsync("branch");
        var git = await GitRepository.OpenAsync(repo.Path);

        var open = () => SessionBranches.OpenAsync(git, new LandingOptions { Branch = template }, 1, false, [], new FixedClock(_evening), _ct);

        await open.Should().ThrowAsync<NightshiftException>().WithMessage("landing.branch*");
    }

    [Fact(Timeout = 30_000)]
    public async Task Resuming_onto_the_branch_the_user_has_checked_out_is_refused()
    {
        using var repo = await GitRepo.InitAsync("branch");
        var git = await GitRepository.OpenAsync(repo.Path);

        var open = () => SessionBranches.OpenAsync(git, new LandingOptions { Branch = "main" }, 1, resume: true, [], new FixedClock(_evening), _ct);

        await open.Should().ThrowAsync<NightshiftException>().WithMessage("*main is checked out in*");
    }

    /// <summary>A clock fixed at one instant, whose local time zone is UTC (so {date} is predictable).</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
