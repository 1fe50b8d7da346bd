using Nightshift.Git;
using Nightshift.Landing;
using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Landing;

public sealed class LanderSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task An_accepted_patch_lands_as_one_ticketed_commit_with_its_trailers_on_the_session_branch()
    {
        await using var setup = await LandingSetup.StartAsync();
        var attempt = await setup.VerifiedAttemptAsync();
        await using var workspace = await setup.WorkspaceAsync("a1", ("src/lib.rs", "pub fn answer() -> u32 {\n    42\n}\n"));

        var result = await setup.LandAsync(attempt, workspace, "Fix the answer", "E0308 12 -> 7; tests 140/140");

        var landed = result.Should().BeOfType<LandingResult.Landed>().Subject;
        landed.Ticket.Should().Be("NS-0001");
        var message = await setup.Repo.GitAsync("show", "--no-patch", "--format=%B", landed.Sha);
        message.TrimEnd().Should().Be($"""
            NS-0001: Fix the answer

            fix E0308 (12 -> 7)

            Nightshift-Session: {setup.SessionId}
            Nightshift-Attempt: {attempt}
            Verified: E0308 12 -> 7; tests 140/140
            """);
        (await setup.Repo.RevParseAsync($"refs/heads/{setup.Branch.Name}")).Should().Be(landed.Sha);
        (await setup.Repo.RevParseAsync($"{landed.Sha}^")).Should().Be(setup.Branch.BaseCommit, "one commit on top of the user's HEAD");
        (await setup.Repo.GitAsync("show", $"{landed.Sha}:src/lib.rs")).Should().Contain("42");
        (await setup.Repo.GitAsync("diff", "--name-only", $"{landed.Sha}^", landed.Sha)).Trim().Should().Be("src/lib.rs");
        (await setup.Journal.GetAttemptAsync(attempt, CancellationToken.None))!.State.Should().Be(AttemptState.Landed);
        (await setup.Journal.LandingIntentsAsync(CancellationToken.None)).Should().BeEmpty();
        setup.Repo.Read("src/lib.rs").Should().Contain("41", "the user's file is not touched");
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_summary_of_the_agents_own_the_subject_names_the_changed_files()
    {
        await using var setup = await LandingSetup.StartAsync();
        var attempt = await setup.VerifiedAttemptAsync();
        await using var workspace = await setup.WorkspaceAsync(
            "a1", ("src/lib.rs", "pub fn answer() -> u32 {\n    42\n}\n"), ("src/rust_gen/expr_gen.rs", "// fixed\n"));

        var landed = (LandingResult.Landed)await setup.LandAsync(attempt, workspace, summary: null);

        var message = await setup.Repo.GitAsync("show", "--no-patch", "--format=%B", landed.Sha);
        message.TrimEnd().Should().Be($"""
            NS-0001: src/lib.rs, src/rust_gen/expr_gen.rs

            fix E0308 (12 -> 7)

            Nightshift-Session: {setup.SessionId}
            Nightshift-Attempt: {attempt}
            Verified: E0308 12 -> 7; tests 140/140
            """);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_one_line_summary_is_the_subject_and_is_not_repeated_in_the_body()
    {
        await using var setup = await LandingSetup.StartAsync();
        var attempt = await setup.VerifiedAttemptAsync();
        await using var workspace = await setup.WorkspaceAsync("a1", ("src/lib.rs", "pub fn answer() -> u32 {\n    42\n}\n"));

        var landed = (LandingResult.Landed)await setup.LandAsync(attempt, workspace, "Return 42 from answer.");

        var message = await setup.Repo.GitAsync("show", "--no-patch", "--format=%B", landed.Sha);
        message.Should().StartWith("NS-0001: Return 42 from answer\n\nfix E0308 (12 -> 7)\n\nNightshift-Session:");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_long_summary_gives_a_one_line_subject_that_fits_and_stays_whole_in_the_body()
    {
        await using var setup = await LandingSetup.StartAsync();
        var attempt = await setup.VerifiedAttemptAsync();
        await using var workspace = await setup.WorkspaceAsync("a1", ("src/lib.rs", "pub fn answer() -> u32 {\n    42\n}\n"));
        const string summary = "  Map Python list literals to Vec<i64> in the type mapper instead of arrays, so indexing compiles. \r\n\n"
            + "Also \u001b[31mdropped\u001b[0m a stale import.\n";

        var landed = (LandingResult.Landed)await setup.LandAsync(attempt, workspace, summary);

        var message = await setup.Repo.GitAsync("show", "--no-patch", "--format=%B", landed.Sha);
        var lines = message.Split('\n');
        lines[0].Should().Be("NS-0001: Map Python list literals to Vec<i64> in the type mapper…");
        lines[0].Length.Should().BeLessThanOrEqualTo(LandingMessage.MaxSubjectLength);
        message.Should().Contain("""

            fix E0308 (12 -> 7)

            Map Python list literals to Vec<i64> in the type mapper instead of arrays, so indexing compiles.
            Also  [31mdropped [0m a stale import.

            Nightshift-Session:
            """);
        (await setup.Repo.GitAsync("log", "-1", "--format=%(trailers:key=Verified,valueonly)", landed.Sha)).Trim()
            .Should().Be("E0308 12 -> 7; tests 140/140");
    }

    [Fact(Timeout = 60_000)]
    public async Task Ticket_numbers_continue_across_sessions_of_the_same_journal()
    {
        using var repo = await GitRepo.InitAsync("landing");
        var tickets = new List<string>();
        for (var session = 0; session < 2; session++)
        {
            await using var setup = await LandingSetup.StartAsync(repo);
            for (var i = 0; i < 2; i++)
            {
                var attempt = await setup.VerifiedAttemptAsync();
                await using var workspace = await setup.WorkspaceAsync($"s{session}-{i}", ($"fix{session}{i}.txt", "fixed\n"));
                tickets.Add(((LandingResult.Landed)await setup.LandAsync(attempt, workspace)).Ticket);
            }
        }

        tickets.Should().Equal("NS-0001", "NS-0002", "NS-0003", "NS-0004");
    }

    [Fact(Timeout = 60_000)]
    public async Task Tickets_start_at_the_configured_number()
    {
        await using var setup = await LandingSetup.StartAsync(options: new LandingOptions { TicketStart = 40 });
        var tickets = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var attempt = await setup.VerifiedAttemptAsync();
            await using var workspace = await setup.WorkspaceAsync($"a{i}", ($"fix{i}.txt", "fixed\n"));
            tickets.Add(((LandingResult.Landed)await setup.LandAsync(attempt, workspace)).Ticket);
        }

        tickets.Should().Equal("NS-0040", "NS-0041");
    }

    [Fact(Timeout = 60_000)]
    public async Task Tickets_continue_from_the_highest_one_on_the_branch_history()
    {
        using var repo = await GitRepo.InitAsync("landing");
        repo.Write("a.txt", "a\n");
        await repo.CommitAllAsync("DEPYLER-0627: map lists");
        repo.Write("b.txt", "b\n");
        await repo.CommitAllAsync("Revert \"DEPYLER-0311: an old one\"");
        var options = new LandingOptions { Ticket = "DEPYLER-{n:0000}", TicketStart = 5 };
        await using var setup = await LandingSetup.StartAsync(repo, options);
        var tickets = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var attempt = await setup.VerifiedAttemptAsync();
            await using var workspace = await setup.WorkspaceAsync($"a{i}", ($"fix{i}.txt", "fixed\n"));
            tickets.Add(((LandingResult.Landed)await setup.LandAsync(attempt, workspace)).Ticket);
        }

        tickets.Should().Equal("DEPYLER-0628", "DEPYLER-0629");
    }

    [Fact(Timeout = 60_000)]
    public async Task The_ticket_template_is_configurable()
    {
        await using var setup = await LandingSetup.StartAsync(options: new LandingOptions { Ticket = "FIX-{n}" });
        var attempt = await setup.VerifiedAttemptAsync();
        await using var workspace = await setup.WorkspaceAsync("a1", ("new.txt", "x\n"));

        var landed = (LandingResult.Landed)await setup.LandAsync(attempt, workspace, "add a file");

        landed.Ticket.Should().Be("FIX-1");
        (await setup.BranchSubjectsAsync()).Should().Equal("FIX-1: add a file");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_workspace_without_changes_lands_nothing_and_uses_no_ticket()
    {
        await using var setup = await LandingSetup.StartAsync();
        var attempt = await setup.VerifiedAttemptAsync();
        await using var workspace = await setup.WorkspaceAsync("a1", ("src/lib.rs", "pub fn answer() -> u32 {\n    41\n}\n"));

        var result = await setup.LandAsync(attempt, workspace);

        result.Should().BeOfType<LandingResult.NothingToLand>();
        (await setup.BranchSubjectsAsync()).Should().BeEmpty();
        (await setup.Journal.NextTicketNumberAsync("ticket", CancellationToken.None)).Should().Be(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_branch_that_moved_meanwhile_gets_the_patch_replayed_on_its_new_tip_for_reverification()
    {
        await using var setup = await LandingSetup.StartAsync();
        var first = await setup.VerifiedAttemptAsync();
        var second = await setup.VerifiedAttemptAsync();
        await using var one = await setup.WorkspaceAsync("w1", ("src/lib.rs", "pub fn answer() -> u32 {\n    42\n}\n"));
        await using var two = await setup.WorkspaceAsync("w2", ("README.md", "# demo, documented\n"));
        var landedFirst = (LandingResult.Landed)await setup.LandAsync(first, one);

        var result = await setup.LandAsync(second, two);

        var replay = result.Should().BeOfType<LandingResult.NeedsReverification>().Subject;
        await using var rebased = replay.Workspace;
        rebased.BaseCommit.Should().Be(landedFirst.Sha);
        rebased.AttemptId.Should().Be("w2-r1");
        File.ReadAllText(Path.Combine(rebased.Path, "README.md")).Should().Be("# demo, documented\n");
        File.ReadAllText(Path.Combine(rebased.Path, "src/lib.rs")).Should().Contain("42", "the replay starts from the new tip");
        (await setup.BranchSubjectsAsync()).Should().HaveCount(1, "nothing lands before re-verification");

        var landedSecond = (LandingResult.Landed)await setup.LandAsync(second, rebased);

        landedSecond.Ticket.Should().Be("NS-0002");
        (await setup.Repo.RevParseAsync($"{landedSecond.Sha}^")).Should().Be(landedFirst.Sha);
        (await setup.Repo.GitAsync("diff", "--name-only", landedFirst.Sha, landedSecond.Sha)).Trim().Should().Be("README.md");
        setup.Events.OfType<GitEvent.LandingRebased>().Should().ContainSingle().Which.Conflicted.Should().BeFalse();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_patch_that_conflicts_with_the_moved_branch_is_reported_and_nothing_lands()
    {
        await using var setup = await LandingSetup.StartAsync();
        var first = await setup.VerifiedAttemptAsync();
        var second = await setup.VerifiedAttemptAsync();
        await using var one = await setup.WorkspaceAsync("w1", ("src/lib.rs", "pub fn answer() -> u32 {\n    42\n}\n"));
        await using var two = await setup.WorkspaceAsync("w2", ("src/lib.rs", "pub fn answer() -> u32 {\n    40 + 2\n}\n"));
        var landedFirst = (LandingResult.Landed)await setup.LandAsync(first, one);

        var result = await setup.LandAsync(second, two);

        var conflict = result.Should().BeOfType<LandingResult.Conflicted>().Subject;
        conflict.BranchTip.Should().Be(landedFirst.Sha);
        conflict.Details.Should().Contain("src/lib.rs");
        (await setup.Repo.RevParseAsync($"refs/heads/{setup.Branch.Name}")).Should().Be(landedFirst.Sha);
        Directory.Exists(Path.Combine(setup.Workspaces.Root, "w2-r1")).Should().BeFalse("the replay's worktree is removed");
        (await setup.Journal.LandingIntentsAsync(CancellationToken.None)).Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_branch_that_moves_between_commit_and_update_ref_is_not_overwritten_and_the_ticket_number_is_reused()
    {
        await using var setup = await LandingSetup.StartAsync();
        var attempt = await setup.VerifiedAttemptAsync();
        await using var workspace = await setup.WorkspaceAsync("a1", ("fix.txt", "fixed\n"));
        string? intruder = null;
        setup.OnEvent = e =>
        {
            // Another writer moves the branch right after our commit object exists, before our compare-and-swap.
            if (e is GitEvent.LandingCommitCreated && intruder is null)
            {
                intruder = MoveBranchAsync(setup).GetAwaiter().GetResult();
            }
        };

        var result = await setup.LandAsync(attempt, workspace);

        var replay = result.Should().BeOfType<LandingResult.NeedsReverification>().Subject;
        await using var rebased = replay.Workspace;
        (await setup.Repo.RevParseAsync($"refs/heads/{setup.Branch.Name}")).Should().Be(intruder, "the other writer's commit stays");
        var landed = (LandingResult.Landed)await setup.LandAsync(attempt, rebased);
        landed.Ticket.Should().Be("NS-0001", "the voided intent gave its number back");
        (await setup.Repo.RevParseAsync($"{landed.Sha}^")).Should().Be(intruder);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_landed_branch_is_pushed_in_the_background_and_never_forced()
    {
        using var remote = new TempDir("remote");
        using var repo = await GitRepo.InitAsync("landing");
        await repo.GitAsync("init", "--quiet", "--bare", remote.Path);
        await repo.GitAsync("remote", "add", "origin", remote.Path);
        await using var setup = await LandingSetup.StartAsync(repo, new LandingOptions { Push = true });
        var attempt = await setup.VerifiedAttemptAsync();
        await using var workspace = await setup.WorkspaceAsync("a1", ("fix.txt", "fixed\n"));

        var landed = (LandingResult.Landed)await setup.LandAsync(attempt, workspace);
        var outcome = await setup.Lander.CompletePushesAsync();

        outcome.Should().Be(new PushOutcome("origin", setup.Branch.Name, Succeeded: true, Attempts: 1, Error: null));
        var pushed = await ToolRun.RunAsync(
            "git", ["rev-parse", $"refs/heads/{setup.Branch.Name}"], remote.Path, null, TimeSpan.FromSeconds(30), CancellationToken.None);
        pushed.StandardOutput.Trim().Should().Be(landed.Sha);
        setup.Events.OfType<GitEvent.Pushed>().Should().ContainSingle().Which.Sha.Should().Be(landed.Sha);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failed_push_is_retried_then_reported_without_failing_the_landing()
    {
        var options = new LandingOptions { Push = true, Remote = "nowhere", PushAttempts = 2, PushRetryDelay = TimeSpan.FromMilliseconds(10) };
        await using var setup = await LandingSetup.StartAsync(options: options);
        var attempt = await setup.VerifiedAttemptAsync();
        await using var workspace = await setup.WorkspaceAsync("a1", ("fix.txt", "fixed\n"));

        var result = await setup.LandAsync(attempt, workspace);
        var outcome = await setup.Lander.CompletePushesAsync();

        result.Should().BeOfType<LandingResult.Landed>();
        outcome!.Succeeded.Should().BeFalse();
        outcome.Attempts.Should().Be(2);
        outcome.Error.Should().Contain("nowhere");
        setup.Events.OfType<GitEvent.PushFailed>().Select(e => (e.Attempt, e.WillRetry)).Should().Equal((1, true), (2, false));
    }

    // Commits an extra file on the session branch the way another worker (or process) would: plain git, compare-and-swap.
    private static async Task<string> MoveBranchAsync(LandingSetup setup)
    {
        var branch = $"refs/heads/{setup.Branch.Name}";
        var tip = await setup.Repo.RevParseAsync(branch);
        var blob = (await setup.Repo.GitAsync("hash-object", "-w", "--stdin", "--path=other.txt")).Trim();
        var index = Path.Combine(setup.Repo.Path, ".nightshift", "tmp", "test-index");
        var env = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index };
        await Run(setup, env, "read-tree", tip);
        await Run(setup, env, "update-index", "--add", "--cacheinfo", $"100644,{blob},other.txt");
        var tree = (await Run(setup, env, "write-tree")).Trim();
        var commit = (await setup.Repo.GitAsync("commit-tree", tree, "-p", tip, "-m", "another worker")).Trim();
        await setup.Repo.GitAsync("update-ref", branch, commit, tip);
        return commit;
    }

    private static async Task<string> Run(LandingSetup setup, Dictionary<string, string> env, params string[] arguments) =>
        (await ToolRun.RunAsync("git", arguments, setup.Repo.Path, env, TimeSpan.FromSeconds(30), CancellationToken.None)).StandardOutput;
}
