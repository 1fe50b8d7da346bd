using System.Globalization;
using System.Text.Json.Nodes;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.CrashWatch;

/// <summary>
/// A night of crash-watch on examples/crash-service, with real processes throughout: five different crashes, each of which
/// comes again while its fix is in flight, ten crash reports in one session. Four recorded fixes are deployed; the fifth
/// recording does not fix its crash, and the verdict says so.
/// </summary>
public sealed class CrashWatchSoakSpecs
{
    // The requests that crash the service, in the order sent; the last one's recording is no fix.
    private static readonly string[] _crashes = ["/divide?a=7&b=0", "/item?index=7", "/parse?value=seven", "/char?text=abc&at=9", "/prefix?text=abc&len=9"];

    [Fact(Timeout = 1_200_000)]
    public async Task Ten_reports_of_five_crashes_are_each_fixed_or_rejected_with_repeats_attached_the_service_healthy_and_nothing_left_running()
    {
        // The i-th build waits for .nightshift/open-<i>, so each repeat surely arrives while its crash's fix is in flight. The
        // build runs in .nightshift/crash-watch/releases/<name>, which the sandboxed build can read and write.
        await using var repo = await CrashServiceRepo.CreateAsync(config => config.Replace(
            "  command: [cargo, build, --offline, --quiet]",
            "  command: [sh, -c, 'n=$(($(cat ../../../builds 2>/dev/null || echo 0) + 1)); echo $n > ../../../builds; " +
            "while [ ! -e ../../../open-$n ]; do sleep 0.05; done; exec cargo build --offline --quiet']",
            StringComparison.Ordinal));
        var run = CliRun.InProcessAsync(repo.Path, ["crash-watch", "--max-crashes", "5", "--json"]);
        try
        {
            for (var i = 1; i <= _crashes.Length; i++)
            {
                await repo.WaitUntilHealthyAsync();
                (await repo.GetAsync(_crashes[i - 1])).Should().BeNull("the request crashes the service");
                var first = await repo.WaitForEventAsync(EventJson.KindOf<CrashDetected>(), count: 2 * i - 1);
                await repo.WaitForEventAsync(EventJson.KindOf<CrashStepStarted>(), count: i, matches: e => e.Payload!["step"]!.GetValue<string>() == "build");
                await RepeatAsync(repo, i, first);
                var attached = await repo.WaitForEventAsync(EventJson.KindOf<CrashAttached>(), count: i);
                attached.Payload!["task"]!.GetValue<long>().Should().Be(first.Payload!["task"]!.GetValue<long>(), "a repeat belongs to its first occurrence");
                for (var gate = i; gate <= (i == _crashes.Length ? i + 5 : i); gate++)
                {
                    await File.WriteAllTextAsync(repo[$".nightshift/open-{gate.ToString(CultureInfo.InvariantCulture)}"], "");
                }

                await repo.WaitForEventAsync(EventJson.KindOf<CrashDone>(), count: i);
            }
        }
        finally
        {
            for (var gate = 1; gate <= 20; gate++)
            {
                await File.WriteAllTextAsync(repo[$".nightshift/open-{gate.ToString(CultureInfo.InvariantCulture)}"], "");
            }
        }

        var result = await run;
        result.ExitCode.Should().Be(0, result.Err);
        var report = JsonNode.Parse(result.Out)!;
        report["stop_reason"]!.GetValue<string>().Should().Be("max_crashes");
        report["detected"]!.GetValue<int>().Should().Be(10);
        report["attached"]!.GetValue<int>().Should().Be(5);
        var crashes = report["crashes"]!.AsArray();
        crashes.Select(c => c!["result"]!.GetValue<string>()).Should().Equal("deployed", "deployed", "deployed", "deployed", "rejected");
        crashes.Select(c => c!["signature"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
        crashes[4]!["problem"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace("a rejection says why");
        repo.Events().Where(e => e.Kind == EventJson.KindOf<CrashPipelineStarted>()).Should().HaveCount(5, "a repeat is never fixed twice");

        // The service runs the last deployed build, healthy, and no longer crashes on the four fixed requests.
        (await repo.GetAsync("/health")).Should().Be("ok\n");
        foreach (var fixedRequest in _crashes[..4])
        {
            (await repo.GetAsync(fixedRequest)).Should().NotBeNull($"{fixedRequest} was fixed and deployed");
        }

        var service = JsonNode.Parse(await File.ReadAllTextAsync(repo[".nightshift/status.json"]))!["service"]!;
        service["running"]!.GetValue<bool>().Should().BeTrue();
        service["restarts"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(8, "each crash's pipeline restarted the service, and each of four deploys started it again");
        service["resident_bytes"]!.GetValue<long>().Should().BeGreaterThan(0);
        service["uptime_seconds"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(0);

        var shown = await CliRun.InProcessAsync(repo.Path, ["status"]);
        shown.Out.Should().Contain("Service").And.Contain("restarts").And.Contain("resident", "nightshift status (and watch) show the service's figures");

        // Only the service is left running: no build, test, agent or repro process of the session.
        var pid = JsonNode.Parse(await File.ReadAllTextAsync(repo[".nightshift/crash-watch/service.json"]))!["pid"]!.GetValue<int>();
        repo.ProcessesInside().Should().Equal([pid], "the service is the only process left in the repository");

        var markdown = await CliRun.InProcessAsync(repo.Path, ["report"]);
        markdown.ExitCode.Should().Be(0, markdown.Err);
        for (var i = 1; i <= 5; i++)
        {
            markdown.Out.Should().Contain($"### Crash {i.ToString(CultureInfo.InvariantCulture)}: ", "the report lists every crash");
        }

        markdown.Out.Should().Contain("NS-0001").And.Contain("NS-0004").And.NotContain("### Crash 6");
        markdown.Out.Should().Contain("5 crashes: 4 deployed, 0 landed, 1 rejected").And.Contain("Service: release attempt-");
        var htmlFile = repo[".nightshift/soak.html"];
        (await CliRun.InProcessAsync(repo.Path, ["report", "--format", "html", "--out", htmlFile])).ExitCode.Should().Be(0);
        var html = await File.ReadAllTextAsync(htmlFile);
        html.Should().Contain("data-field=\"service\"").And.Contain("MB resident");
        html.Split("<article class=\"crash\"").Should().HaveCount(6, "the HTML report has a section for each of the five crashes");
    }

    // Crashes 1-4 crash the restarted service again (a real second report); the fifth, whose fix is no fix and which is
    // never redeployed, comes again as a copy of its report, so that the service it left running stays up.
    private static async Task RepeatAsync(CrashServiceRepo repo, int crash, TelemetryEvent first)
    {
        if (crash < _crashes.Length)
        {
            await repo.WaitUntilHealthyAsync();
            (await repo.GetAsync(_crashes[crash - 1])).Should().BeNull("the fix is not deployed yet");
        }
        else
        {
            File.Copy(first.Payload!["file"]!.GetValue<string>(), repo["crashes/again.txt"]);
        }
    }
}
