using System.Text.Json.Nodes;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Telemetry.Events;
using Nightshift.Tests.Learn;
using Nightshift.Tests.Support;
using Nightshift.Verification;
using Nightshift.Workloads.CrashWatch;
using Nightshift.Workloads.Learn.Datasets;

namespace Nightshift.Tests.CrashWatch;

/// <summary>
/// crash-watch climbs <c>agent.ladder</c> like the night, and every decided attempt is a learning episode. The ladder here is
/// [suggest, replay]: the offline suggest agent finds no compiler suggestion for a panic and changes nothing (rejected), then
/// the replay agent applies the recorded fix, which is verified, landed and deployed.
/// </summary>
public sealed class CrashWatchLadderSpecs
{
    [Fact(Timeout = 900_000)]
    public async Task A_crash_the_first_rung_cannot_fix_goes_to_the_next_rung_and_the_report_and_the_episodes_show_both_attempts()
    {
        await using var repo = await CrashServiceRepo.CreateAsync(config => config
            .Replace("  provider: replay\n", "  ladder: [suggest, replay]\n", StringComparison.Ordinal));
        var run = CliRun.InProcessAsync(repo.Path, ["crash-watch", "--once", "--json"]);
        await repo.WaitUntilHealthyAsync();

        (await repo.GetAsync("/divide?a=7&b=0")).Should().BeNull("the request crashes the service");
        var result = await run;

        result.ExitCode.Should().Be(0, result.Err);
        var crash = JsonNode.Parse(result.Out)!["crashes"]!.AsArray().Single()!;
        crash["result"]!.GetValue<string>().Should().Be("deployed", crash.ToJsonString());
        crash["steps"]!.AsArray().Where(s => s!["agent"] is not null).Select(s => s!["agent"]!.GetValue<string>()).Distinct()
            .Should().Equal("suggest", "replay");
        var done = repo.Events().Single(e => e.Kind == EventJson.KindOf<CrashDone>()).Payload!;
        done["steps"]!.AsArray().Select(s => $"{s!["step"]!.GetValue<string>()}{(s["agent"] is { } agent ? "/" + agent.GetValue<string>() : "")}")
            .Should().Equal("restart", "analyze/suggest", "agent/suggest", "analyze/replay", "agent/replay", "build/replay", "verdict/replay", "land", "push", "deploy");

        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var session = (await journal.LatestSessionAsync(CancellationToken.None))!;
        var attempts = await journal.SessionAttemptsAsync(session.Id, CancellationToken.None);
        attempts.Select(a => (a.Agent, a.State)).Should().Equal(("suggest", AttemptState.Rejected), ("replay", AttemptState.Landed));
        (await repo.NightshiftWorktreesAsync()).Should().Equal(["worker-0"], "every rung used the worker's own worktree; no other is left");

        var episodes = await new EpisodeJournal(journal).ReadAsync(new EpisodeQuery(Workload: CrashWatchSession.Workload), CancellationToken.None);
        episodes.Select(e => (e.AttemptId, e.Outcome)).Should().Equal((attempts[0].Id, EpisodeOutcome.Rejected), (attempts[1].Id, EpisodeOutcome.Accepted));
        episodes.Select(e => e.TaskId).Distinct().Should().ContainSingle("both attempts were on the same crash");
        var fixedOne = episodes[1];
        fixedOne.Task.Kind.Should().Be("crash");
        fixedOne.Task.Key.Should().Be(done["signature"]!.GetValue<string>());
        fixedOne.Task.Sources.Keys.Should().Contain("src/handlers.rs", "the episode keeps the source the fix started from");
        fixedOne.DiagnosticsBefore.Should().ContainSingle().Which.Should().Match<EpisodeDiagnostic>(d =>
            d.Code == "panic" && d.File == "src/handlers.rs" && d.Rendered!.Contains("divide by zero"));
        fixedOne.DiagnosticsAfter.Should().BeEmpty("the repro no longer crashes on the fixed build");
        fixedOne.Diff.Should().Contain("src/handlers.rs");

        var report = await CliRun.InProcessAsync(repo.Path, ["report", "--json"]);
        report.ExitCode.Should().Be(0, report.Err);
        var listed = JsonNode.Parse(report.Out)!["crashes"]!.AsArray().Should().ContainSingle().Subject!;
        listed["result"]!.GetValue<string>().Should().Be("deployed");
        listed["ticket"]!.GetValue<string>().Should().Be("NS-0001");
        listed["steps"]!.AsArray().Select(s => s!["step"]!.GetValue<string>())
            .Should().Equal("restart", "analyze", "agent", "analyze", "agent", "build", "verdict", "land", "push", "deploy");

        // What the report says was verified is the verdict's own figures: the build, the repro and the tests.
        var verdict = VerdictJson.Deserialize(attempts[1].VerdictJson!);
        verdict.Figures.Checks.Select(c => (c.Name, c.Passed)).Should().Equal(("build", true), ("repro", true));
        var commit = JsonNode.Parse(report.Out)!["commits"]!.AsArray().Should().ContainSingle().Subject!;
        commit["verified"]!.GetValue<string>().Should().Be(verdict.Figures.Verified).And.StartWith("build ok in ").And.Contain("; repro exits 0");
        VerdictJson.Deserialize(attempts[0].VerdictJson!).Reasons.Should().ContainSingle().Which.Should().BeOfType<RejectionReason.NoChange>();

        var dataset = new DatasetBuilder(new EvalGuard(BundledKoans.Set)).Build(episodes, null, new DatasetOptions());
        dataset.Examples.Should().ContainSingle().Which.Reason.Should().Be(ExampleReason.FailedThenFixed);
    }
}
