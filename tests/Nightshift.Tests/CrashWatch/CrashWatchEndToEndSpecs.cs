using System.Text.Json.Nodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.CrashWatch;

/// <summary>
/// <c>nightshift crash-watch</c> on examples/crash-service, with real processes throughout: the service crashes and writes
/// its report, crash-watch takes it, the replay agent applies the recorded fix, cargo builds and tests it, the repro replays
/// the request, the fix lands on the session branch, the service is restarted from the new build and its health checked.
/// </summary>
public sealed class CrashWatchEndToEndSpecs
{
    private const int Timeout = 900_000;

    [Fact(Timeout = Timeout)]
    public async Task Three_different_crashes_are_each_fixed_landed_rebuilt_restarted_and_healthy_in_turn()
    {
        await using var repo = await CrashServiceRepo.CreateAsync();
        var run = CliRun.InProcessAsync(repo.Path, ["crash-watch", "--max-crashes", "3", "--json"]);
        await repo.WaitUntilHealthyAsync();

        string[] crashes = ["/divide?a=7&b=0", "/item?index=7", "/parse?value=seven"];
        for (var i = 0; i < crashes.Length; i++)
        {
            (await repo.GetAsync(crashes[i])).Should().BeNull("the request crashes the service");
            var done = await repo.WaitForEventAsync(EventJson.KindOf<CrashDone>(), count: i + 1);
            done.Payload!["result"]!.GetValue<string>().Should().Be("deployed", done.Payload.ToJsonString());
            await repo.WaitUntilHealthyAsync();
            (await repo.GetAsync(crashes[i])).Should().NotBeNull("the fixed build handles the request that crashed it");
        }

        var result = await run;
        result.ExitCode.Should().Be(0, result.Err);
        var report = JsonNode.Parse(result.Out)!;
        var fixes = report["crashes"]!.AsArray();
        fixes.Select(c => c!["result"]!.GetValue<string>()).Should().Equal("deployed", "deployed", "deployed");
        fixes.Select(c => c!["ticket"]!.GetValue<string>()).Should().Equal("NS-0001", "NS-0002", "NS-0003");
        fixes.Select(c => c!["signature"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
        fixes[0]!["steps"]!.AsArray().Select(s => s!["step"]!.GetValue<string>())
            .Should().Equal("restart", "analyze", "agent", "build", "verdict", "land", "push", "deploy");
        fixes.SelectMany(c => c!["steps"]!.AsArray()).Should().OnlyContain(s => s!["seconds"]!.GetValue<double>() >= 0);
        fixes.Select(c => c!["steps"]![0]!["outcome"]!.GetValue<string>()).Should().Equal(["ok", "ok", "ok"], "each crash took the service down");

        var branch = report["branch"]!.GetValue<string>();
        var log = await repo.GitAsync("log", "--format=%b%x00", "main.." + branch);
        log.Split('\0', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Should().HaveCount(3)
            .And.OnlyContain(body => body.StartsWith("Fix crash: ", StringComparison.Ordinal), "the body states what was fixed");
        (await repo.GitAsync("status", "--porcelain")).Should().BeEmpty("the user's checkout is never touched");
        repo.RunningRelease().Should().StartWith("attempt-");

        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var session = (await journal.LatestSessionAsync(CancellationToken.None))!;
        session.Workload.Should().Be("crash-watch");
        session.StopReason.Should().Be("max_crashes");
        var tasks = await journal.SessionTasksAsync(session.Id, CancellationToken.None);
        tasks.Should().HaveCount(3).And.OnlyContain(t => t.Kind == "crash" && t.State == TaskState.Solved);
        var finished = await journal.SessionEventsOfKindAsync(session.Id, EventJson.KindOf<CrashStepFinished>(), CancellationToken.None);
        finished.Should().HaveCount(3 * 8, "every step of every crash is journaled with its duration");
        repo.Events().Where(e => e.Kind == EventJson.KindOf<CrashStepFinished>() && e.Payload!["step"]!.GetValue<string>() == "build")
            .Should().HaveCount(3).And.OnlyContain(
                e => e.Payload!["reused"]![0]!["path"]!.GetValue<string>() == "target" && e.Payload["reused"]![0]!["files"]!.GetValue<int>() > 0,
                "each release starts from the running build's target/ (crash.reuse)");
    }

    [Fact(Timeout = Timeout)]
    public async Task The_same_crash_again_while_its_fix_is_in_flight_is_attached_to_it_not_queued_twice()
    {
        // The build waits for a gate file, so the second report surely arrives while the first crash's fix is in flight. The
        // gate is in the repository's .nightshift/ (the build runs in .nightshift/crash-watch/releases/<name>), which the
        // sandboxed build can read; the machine's /tmp it cannot see.
        var gateName = $"gate-{Guid.NewGuid():N}";
        await using var repo = await CrashServiceRepo.CreateAsync(config => config.Replace(
            "  command: [cargo, build, --offline, --quiet]",
            $"  command: [sh, -c, 'while [ ! -e ../../../{gateName} ]; do sleep 0.05; done; exec cargo build --offline --quiet']",
            StringComparison.Ordinal));
        var gate = repo[Path.Combine(".nightshift", gateName)];
        try
        {
            var run = CliRun.InProcessAsync(repo.Path, ["crash-watch", "--once", "--json"]);
            await repo.WaitUntilHealthyAsync();
            (await repo.GetAsync("/divide?a=1&b=0")).Should().BeNull();
            var first = await repo.WaitForEventAsync(EventJson.KindOf<CrashDetected>());
            await repo.WaitForEventAsync(EventJson.KindOf<CrashStepStarted>(), matches: e => e.Payload!["step"]!.GetValue<string>() == "build");

            var report = first.Payload!["file"]!.GetValue<string>();
            File.Copy(report, repo["crashes/again.txt"]);
            var attached = await repo.WaitForEventAsync(EventJson.KindOf<CrashAttached>());
            await File.WriteAllTextAsync(gate, "");

            var result = await run;
            result.ExitCode.Should().Be(0, result.Err);
            attached.Payload!["task"]!.GetValue<long>().Should().Be(first.Payload["task"]!.GetValue<long>());
            repo.Events().Where(e => e.Kind == EventJson.KindOf<CrashDetected>()).Should().HaveCount(2, "both reports were journaled");
            repo.Events().Where(e => e.Kind == EventJson.KindOf<CrashPipelineStarted>()).Should().ContainSingle("the crash was fixed once");
            var output = JsonNode.Parse(result.Out)!;
            output["detected"]!.GetValue<int>().Should().Be(2);
            output["attached"]!.GetValue<int>().Should().Be(1);
            output["crashes"]!.AsArray().Should().ContainSingle().Which!["result"]!.GetValue<string>().Should().Be("deployed");
        }
        finally
        {
            File.Delete(gate);
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task A_fix_whose_build_fails_its_health_check_is_rolled_back_to_the_previous_build_with_an_alert()
    {
        await using var repo = await CrashServiceRepo.CreateAsync(config => config
            .Replace("replay: recordings", "replay: unhealthy", StringComparison.Ordinal)
            .Replace("health_timeout: 30s", "health_timeout: 3s", StringComparison.Ordinal));
        await WriteUnhealthyFixAsync(repo);
        await repo.GitAsync("add", "--all");
        await repo.GitAsync("commit", "--quiet", "--message", "a recording that breaks the health check");
        var run = CliRun.InProcessAsync(repo.Path, ["crash-watch", "--once", "--json"]);
        await repo.WaitUntilHealthyAsync();

        (await repo.GetAsync("/divide?a=1&b=0")).Should().BeNull();
        var result = await run;

        result.ExitCode.Should().Be(0, result.Err);
        var crash = JsonNode.Parse(result.Out)!["crashes"]!.AsArray().Single()!;
        crash["result"]!.GetValue<string>().Should().Be("rolledback");
        crash["ticket"]!.GetValue<string>().Should().Be("NS-0001", "the fix itself passed its verdict and landed");
        repo.RunningRelease().Should().Be("repository", "the previous build runs again");
        (await repo.GetAsync("/health")).Should().Be("ok\n");
        repo.Alerts().Should().ContainSingle(a => a.Kind == CrashAlerts.DeployFailed)
            .Which.Severity.Should().Be(AlertSeverity.Critical);
        repo.Events().Should().Contain(e => e.Kind == "service.rolled_back");
    }

    /// <summary>A recording that fixes the divide crash but renames the health endpoint: it passes the verdict, not the deploy.</summary>
    private static async Task WriteUnhealthyFixAsync(CrashServiceRepo repo)
    {
        var recordings = repo["recordings"];
        var divide = Directory.GetFiles(recordings, "*divide*.patch").Single();
        var unhealthy = Directory.CreateDirectory(repo["unhealthy"]).FullName;
        var main = await File.ReadAllTextAsync(repo["src/main.rs"]);
        var broken = main.Replace("\"/health\" =>", "\"/healthz\" =>", StringComparison.Ordinal);
        broken.Should().NotBe(main);
        var line = new JsonObject { ["path"] = "src/main.rs", ["content"] = broken }.ToJsonString();
        await File.WriteAllTextAsync(Path.Combine(unhealthy, Path.GetFileNameWithoutExtension(divide) + ".jsonl"),
            new JsonObject { ["patch"] = await File.ReadAllTextAsync(divide) }.ToJsonString() + "\n" + line + "\n");
    }
}
