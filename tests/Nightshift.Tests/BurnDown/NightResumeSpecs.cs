using System.Text.Json.Nodes;
using Nightshift.Files;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.BurnDown;

public sealed class NightResumeSpecs
{
    [Fact(Timeout = 420_000)]
    public async Task A_night_killed_during_the_agent_the_verdict_and_right_after_a_commit_resumes_to_the_fixes_of_a_clean_run()
    {
        using var clean = await NightRepo.CreateAsync();
        (await CliRun.InProcessAsync(clean.Path, ["run"])).ExitCode.Should().Be(0);
        var cleanTree = await clean.Repo.RevParseAsync("nightshift/test^{tree}");

        using var repo = await NightRepo.CreateAsync();

        // 1. kill -9 while the first agent works: nothing landed, an attempt and its worktree left in flight.
        using (var night = repo.Start("run"))
        {
            await night.WaitForEventAsync("attempt.started");
            await night.KillHardAsync();
        }

        // A probe that a kill -9 interrupted leaves its scratch folder in the temp folder, named after its process.
        using var gone = System.Diagnostics.Process.Start("true")!;
        await gone.WaitForExitAsync();
        var scratch = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nightshift-probe-{gone.Id}-resume"));

        // 2. resume, and kill -9 while the second verdict runs the tests (the first one landed).
        using (var night = repo.Start("run", "--resume"))
        {
            await night.WaitForEventAsync("verdict.started", count: 2);
            await night.KillHardAsync();
        }

        // 3. resume, and kill -9 right after the next commit landed.
        using (var night = repo.Start("run", "--resume"))
        {
            await night.WaitForEventAsync("attempt.landed", count: 1);
            await night.KillHardAsync();
        }

        var last = await CliRun.InProcessAsync(repo.Path, ["run", "--resume", "--json"]);

        last.ExitCode.Should().Be(0, last.Err);
        JsonNode.Parse(last.Out)!["stop_reason"]!.GetValue<string>().Should().Be("clusters_exhausted");
        (await repo.SubjectsAsync()).Should().Equal(NightRepo.CleanSubjects, "no fix may land twice, none go missing, tickets stay in sequence");
        (await repo.Repo.RevParseAsync("nightshift/test^{tree}")).Should().Be(cleanTree);

        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var sessions = await journal.ListSessionsAsync(CancellationToken.None);
        sessions.Should().ContainSingle("every start resumed the one session").Which.StopReason.Should().Be("clusters_exhausted");
        var commits = await journal.SessionCommitsAsync(sessions[0].Id, CancellationToken.None);
        commits.Select(c => c.Ticket).Should().Equal("NS-0001", "NS-0002", "NS-0003");
        var attempts = await journal.SessionAttemptsAsync(sessions[0].Id, CancellationToken.None);
        attempts.Should().Contain(a => a.State == AttemptState.Abandoned, "the attempts the kills interrupted are abandoned, not left in flight");
        attempts.Should().NotContain(a => a.State == AttemptState.Started || a.State == AttemptState.Finished || a.State == AttemptState.Verified);

        // Every kill left the worker's worktree dirty mid-attempt; the fixes above equal a clean run's, so nothing of it leaked.
        (await repo.Repo.NightshiftWorktreesAsync()).Should().Equal(["worker-0"], "the one worker's worktree was reused throughout");
        Directory.EnumerateFileSystemEntries(Path.Combine(repo.NightshiftDirectory, "worktrees")).Select(Path.GetFileName).Should().Equal("worker-0");
        Directory.Exists(scratch.FullName).Should().BeFalse("resume removes the scratch folders of probes that were killed");
    }

    [Fact(Timeout = 240_000)]
    public async Task While_a_night_runs_a_second_run_exits_3_and_SIGTERM_stops_the_first_cleanly()
    {
        // A slow test suite keeps the verdict busy long enough to be interrupted in the middle of the night.
        using var repo = await NightRepo.CreateAsync(tests: "[sh, -c, \"sleep 2 && cargo test --offline\"]");
        using var night = repo.Start("run", "--json");
        await night.WaitForEventAsync("attempt.started");

        var second = await CliRun.InProcessAsync(repo.Path, ["run"]);
        second.ExitCode.Should().Be(3, second.Err);

        await night.TerminateAsync();
        var (exitCode, stdout, stderr) = await night.WaitAsync();

        exitCode.Should().Be(0, stderr);
        JsonNode.Parse(stdout)!["stop_reason"]!.GetValue<string>().Should().Be("interrupted");
        using (SessionLock.Acquire(NightshiftFolder.Of(repo.NightshiftDirectory), "test"))
        {
            // Released: taking it again succeeds.
        }

        (await repo.Repo.NightshiftWorktreesAsync()).Should().BeSubsetOf(["worker-0"]);
        var status = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.NightshiftDirectory, "status.json")))!;
        status["state"]!.GetValue<string>().Should().Be("ended");
        status["stop_reason"]!.GetValue<string>().Should().Be("interrupted");
        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var session = (await journal.ListSessionsAsync(CancellationToken.None)).Single();
        session.StopReason.Should().Be("interrupted");
        (await journal.SessionAttemptsAsync(session.Id, CancellationToken.None))
            .Should().NotContain(a => a.State == AttemptState.Started || a.State == AttemptState.Finished || a.State == AttemptState.Verified);
    }
}
