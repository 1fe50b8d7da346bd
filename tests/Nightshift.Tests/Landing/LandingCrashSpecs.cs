using System.Diagnostics;
using System.Globalization;
using Nightshift.Landing;
using Nightshift.Store;
using Nightshift.Tests.Support;
using Nightshift.Workspaces;

namespace Nightshift.Tests.Landing;

/// <summary>
/// Kills (SIGKILL) a real process running an attempt and its landing (dummy land-and-hang) at each step, then starts
/// again as a new run would: the orphaned worktree is pruned, the interrupted landing settled, and ticket numbers
/// neither skipped nor repeated.
/// </summary>
public sealed class LandingCrashSpecs
{
    private readonly CancellationToken _ct = CancellationToken.None;

    // Fresh worktrees, as when the worker's own is leased: the kill leaves one the next start must prune (a worker's own is
    // kept and reset when next leased: WorkerWorktreeSpecs).
    private static readonly WorkspaceOptions _fresh = new() { Reuse = false };

    [Theory(Timeout = 90_000)]
    [InlineData("workspace", "never started")]
    [InlineData("intent", "voided")]
    [InlineData("commit", "voided")]
    [InlineData("advanced", "recorded")]
    public async Task A_run_killed_during_an_attempt_leaves_nothing_half_made_and_the_next_start_settles_it(string stage, string outcome)
    {
        using var repo = await GitRepo.InitAsync("crash");
        long crashedAttempt;
        string branch;
        string start;
        await using (var first = await LandingSetup.StartAsync(repo, workspaceOptions: _fresh))
        {
            crashedAttempt = await first.VerifiedAttemptAsync();
            (branch, start) = (first.Branch.Name, first.Branch.StartCommit);
            await RunDummyAndKillAsync(stage, repo.Path, first.SessionId, crashedAttempt, branch);
        }

        await using var next = await LandingSetup.StartAsync(repo, workspaceOptions: _fresh, resume: true);
        var pruned = await next.Workspaces.PruneStaleAsync([], _ct);
        var recovery = await next.Lander.RecoverAsync(_ct);

        next.Branch.Name.Should().Be(branch);
        pruned.Should().ContainSingle().Which.Should().EndWith($"a{crashedAttempt}");
        (await repo.GitAsync("worktree", "list", "--porcelain")).Should().NotContain(".nightshift/worktrees");
        (await next.Journal.LandingIntentsAsync(_ct)).Should().BeEmpty();
        var onBranch = await next.BranchSubjectsAsync();
        switch (outcome)
        {
            case "recorded":
                recovery.Recorded.Should().ContainSingle().Which.Ticket.Should().Be("NS-0001");
                onBranch.Should().Equal("NS-0001: crash test");
                (await next.Journal.GetAttemptAsync(crashedAttempt, _ct))!.State.Should().Be(AttemptState.Landed);
                break;
            case "voided":
                recovery.VoidedAttempts.Should().Equal(crashedAttempt);
                onBranch.Should().BeEmpty("the commit object may exist, but the branch never pointed at it");
                (await repo.RevParseAsync($"refs/heads/{branch}")).Should().Be(start);
                (await next.Journal.GetAttemptAsync(crashedAttempt, _ct))!.State.Should().Be(AttemptState.Verified);
                break;
            default:
                recovery.Should().BeEquivalentTo(new LandingRecovery([], []));
                onBranch.Should().BeEmpty();
                break;
        }

        var attempt = await next.VerifiedAttemptAsync();
        await using var workspace = await next.WorkspaceAsync("after", ("after.txt", "after the crash\n"));
        var landed = (LandingResult.Landed)await next.LandAsync(attempt, workspace, "after the crash");
        landed.Ticket.Should().Be(outcome == "recorded" ? "NS-0002" : "NS-0001", "no ticket number is skipped or repeated");
    }

    private static async Task RunDummyAndKillAsync(string stage, string repository, long sessionId, long attemptId, string branch)
    {
        var start = new ProcessStartInfo(Binaries.Dummy)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "land-and-hang", repository, sessionId.ToString(CultureInfo.InvariantCulture), attemptId.ToString(CultureInfo.InvariantCulture),
            branch, stage,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            string? line;
            do
            {
                line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            while (line is not null && line != $"reached {stage}");

            if (line is null)
            {
                Assert.Fail($"The dummy ended before it reached {stage}: {await stderr}");
            }
        }
        finally
        {
            process.Kill(); // SIGKILL: no finally blocks, no disposal, like kill -9 or the OOM killer
            await process.WaitForExitAsync();
        }
    }
}
