using Nightshift.Landing;
using Nightshift.Tests.Support;
using Nightshift.Workspaces;

namespace Nightshift.Tests.Landing;

/// <summary>The user's checkout is sacred: a whole session leaves every byte of it as it was.</summary>
public sealed class UserCheckoutSpecs
{
    [Theory(Timeout = 90_000)]
    [InlineData(PendingWork.Include)]
    [InlineData(PendingWork.Refuse)]
    public async Task A_session_leaves_the_users_files_index_branch_and_stash_byte_identical(PendingWork pending)
    {
        using var repo = await GitRepo.InitAsync("sacred");
        repo.Write("src/lib.rs", "pub fn answer() -> u32 {\n    40\n}\n");
        await repo.GitAsync("stash", "push", "--quiet", "--message", "the user's experiment");
        repo.Write(".env", "TOKEN=secret\n");
        repo.Write("target/debug/app", "ignored build output\n");
        if (pending == PendingWork.Include)
        {
            repo.Write("README.md", "# demo\nwork in progress\n");        // unstaged
            repo.Write("staged.rs", "// staged\n");
            await repo.GitAsync("add", "staged.rs");                       // staged
            repo.Write("scratch/idea.txt", "untracked\n");               // untracked
        }

        var before = await repo.FingerprintAsync();
        var options = new LandingOptions { PendingWork = pending };
        var workspaceOptions = new WorkspaceOptions { CopyFiles = [".env"] };

        await using (var setup = await LandingSetup.StartAsync(repo, options, workspaceOptions))
        {
            var first = await setup.VerifiedAttemptAsync();
            var second = await setup.VerifiedAttemptAsync();
            var third = await setup.VerifiedAttemptAsync();
            await using var one = await setup.WorkspaceAsync("1", ("src/lib.rs", "pub fn answer() -> u32 {\n    42\n}\n"));
            await using var two = await setup.WorkspaceAsync("2", ("docs/guide.md", "# guide\n"), (".env", "TOKEN=leaked?\n"));
            await using var three = await setup.WorkspaceAsync("3", ("src/lib.rs", "pub fn answer() -> u32 {\n    43\n}\n"));

            (await setup.LandAsync(first, one)).Should().BeOfType<LandingResult.Landed>();
            var replay = (LandingResult.NeedsReverification)await setup.LandAsync(second, two);
            await using (replay.Workspace)
            {
                (await setup.LandAsync(second, replay.Workspace)).Should().BeOfType<LandingResult.Landed>();
            }

            (await setup.LandAsync(third, three)).Should().BeOfType<LandingResult.Conflicted>();

            var landed = await setup.BranchSubjectsAsync();
            landed.Where(s => s.StartsWith("NS-", StringComparison.Ordinal)).Should().Equal("NS-0001: fix the answer", "NS-0002: fix the answer");
            (await repo.GitAsync("log", "--format=%H", $"refs/heads/{setup.Branch.Name}", "--", ".env")).Should().BeEmpty(".env is never committed");
        }

        (await repo.FingerprintAsync()).Should().Equal(before);
        Directory.GetDirectories(Path.Combine(repo.Path, ".nightshift", "worktrees")).Select(Path.GetFileName).Should().OnlyContain(name => name!.StartsWith("worker-"), "only the workers' own worktrees are kept");
    }
}
