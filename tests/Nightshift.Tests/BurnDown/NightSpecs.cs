using System.Text.Json.Nodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.BurnDown;

public sealed class NightSpecs
{
    [Fact(Timeout = 240_000)]
    public async Task A_night_lands_one_verified_commit_per_fixable_cluster_and_sets_the_rest_aside()
    {
        using var repo = await NightRepo.CreateAsync();
        var checkout = await repo.Repo.FingerprintAsync();
        var head = await repo.Repo.RevParseAsync("HEAD");

        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);

        run.ExitCode.Should().Be(0, run.Err);
        var result = JsonNode.Parse(run.Out)!;
        result["stop_reason"]!.GetValue<string>().Should().Be("clusters_exhausted");
        result["commits"]!.GetValue<int>().Should().Be(3);
        result["rejections"]!.GetValue<int>().Should().Be(1);
        result["errors_at_baseline"]!.GetValue<int>().Should().Be(8);
        result["errors_now"]!.GetValue<int>().Should().Be(2);

        (await repo.SubjectsAsync()).Should().Equal(NightRepo.CleanSubjects);
        (await repo.Repo.GitAsync("log", "--reverse", "--format=%b%x00", "main..nightshift/test")).Split('\0', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(body => body.Split('\n')[0]).Should().Equal(NightRepo.CleanOutcomes);
        var sessionId = result["session"]!.GetValue<long>();
        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var commits = await journal.SessionCommitsAsync(sessionId, CancellationToken.None);
        var shas = (await repo.Repo.GitAsync("log", "--reverse", "--format=%H", "main..nightshift/test")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        commits.Select(c => c.Sha).Should().Equal(shas);
        commits.Select(c => c.Ticket).Should().Equal("NS-0001", "NS-0002", "NS-0003");
        (await repo.Repo.GitAsync("log", "-1", "--format=%B", "nightshift/test")).Should()
            .Contain($"Nightshift-Session: {sessionId}").And.Contain("Verified: rustc:error:E0596 1 -> 0; errors 3 -> 2; tests 7/7");

        var tasks = await journal.SessionTasksAsync(sessionId, CancellationToken.None);
        tasks.Single(t => t.Key == "rustc:error:E0277").State.Should().Be(TaskState.Skipped);
        tasks.Where(t => t.State == TaskState.Solved).Select(t => t.Key).Should()
            .BeEquivalentTo("rustc:error:E0308", "rustc:error:E0599", "rustc:error:E0596");
        var episodes = await journal.ReadEpisodesAsync(new EpisodeQuery(Workload: "burn-down"), CancellationToken.None);
        episodes.Select(e => e.Outcome).Should().BeEquivalentTo(["accepted", "accepted", "accepted", "rejected"]);
        repo.Events("cluster.set_aside").Should().ContainSingle().Which["payload"]!["cluster"]!.GetValue<string>().Should().Be("rustc:error:E0277");
        // Every verdict says where its attempt's time went, in parts that add up to its total (what bench/scale.py reads).
        repo.Events("verdict.decided").Should().NotBeEmpty().And.AllSatisfy(e =>
        {
            var t = e["payload"]!["timings"]!;
            double Part(string name) => t[name]!.GetValue<double>();
            (Part("prepare_seconds") + Part("agent_seconds") + Part("capture_seconds") + Part("judge_seconds")).Should().BeLessThanOrEqualTo(Part("total_seconds") + 0.005);
            Part("measure_seconds").Should().BeLessThanOrEqualTo(Part("judge_seconds") + 0.001);
            Part("harness_seconds").Should().BeGreaterThanOrEqualTo(0);
        });

        // The user's checkout, branch and index are as they were; no attempt's worktree is left behind.
        (await repo.Repo.FingerprintAsync()).Should().Equal(checkout);
        (await repo.Repo.RevParseAsync("HEAD")).Should().Be(head);
        (await repo.Repo.NightshiftWorktreesAsync()).Should().Equal(["worker-0"], "the worker's own worktree is kept for the next night; no other is left");
        var status = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.NightshiftDirectory, "status.json")))!;
        status["state"]!.GetValue<string>().Should().Be("ended");
        status["stop_reason"]!.GetValue<string>().Should().Be("clusters_exhausted");
        status["commits_landed"]!.GetValue<int>().Should().Be(3);
    }

    [Fact(Timeout = 240_000)]
    public async Task A_night_numbers_its_tickets_from_landing_ticket_start()
    {
        using var repo = await NightRepo.CreateAsync(ticketStart: 41);

        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);

        run.ExitCode.Should().Be(0, run.Err);
        (await repo.SubjectsAsync()).Should().Equal(NightRepo.CleanSubjects.Select(s => s.Replace("NS-000", "NS-004", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 120_000)]
    public async Task Tests_that_fail_before_any_change_stop_the_night_with_an_alert()
    {
        using var repo = await NightRepo.CreateAsync();
        repo.Repo.Write("tests/broken.rs", "#[test]\nfn already_broken() { assert_eq!(1, 2); }\n");
        await repo.Repo.CommitAllAsync("a failing test");

        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);

        run.ExitCode.Should().Be(0, run.Err);
        JsonNode.Parse(run.Out)!["stop_reason"]!.GetValue<string>().Should().Be("tests_broken");
        File.ReadAllText(Path.Combine(repo.NightshiftDirectory, "alerts.jsonl")).Should().Contain("tests_broken").And.Contain("already_broken");
        (await repo.SubjectsAsync()).Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_spent_time_budget_stops_the_night_before_any_attempt()
    {
        using var repo = await NightRepo.CreateAsync(hours: "1ms");

        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);

        run.ExitCode.Should().Be(0, run.Err);
        JsonNode.Parse(run.Out)!["stop_reason"]!.GetValue<string>().Should().Be("time_budget");
        repo.Events("attempt.started").Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task Less_free_disk_than_limits_min_free_disk_stops_the_night_before_any_attempt_with_a_disk_low_alert()
    {
        // No test machine has a million terabytes free: the guard must hold the night back.
        using var repo = await NightRepo.CreateAsync(minFreeDisk: "1000000TB");

        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);

        run.ExitCode.Should().Be(0, run.Err);
        JsonNode.Parse(run.Out)!["stop_reason"]!.GetValue<string>().Should().Be("disk_low");
        repo.Events("attempt.started").Should().BeEmpty();
        var alerts = AlertLog.ReadLast(Path.Combine(repo.NightshiftDirectory, "alerts.jsonl"), 10);
        alerts.Should().ContainSingle(a => a.Kind == AlertKinds.DiskLow)
            .Which.Message.Should().Contain("limits.min_free_disk (1000000TB)");
        (await repo.SubjectsAsync()).Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task Resume_without_an_unfinished_session_is_a_usage_error()
    {
        using var repo = await NightRepo.CreateAsync();

        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--resume"]);

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("nothing to resume");
    }
}
