using System.Text.Json.Nodes;
using Nightshift.Diagnostics.Crashes;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Tests.CrashWatch.RealTools;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.CrashWatch.Cores;

/// <summary>
/// <c>nightshift crash-watch</c> with <c>crash.cores</c> (issue 18): real cores of <see cref="CrashPrograms"/>' worldserver,
/// written by the kernel (or gdb) into the watched folder of a repository that holds its sources, read by the real gdb and
/// queued as crashes in the one queue crash logs go to.
/// </summary>
public sealed class CrashWatchCoresSpecs(CrashPrograms programs) : IClassFixture<CrashPrograms>
{
    // crash-watch's command config, watching cores instead of crash logs.
    private static readonly string _config = CrashWatchCommandSpecs.Config.Replace(
        "  watch: crashes/*.txt\n", "  cores: cores\n  executable: worldserver\n", StringComparison.Ordinal);

    [Fact(Timeout = 300_000)]
    public async Task A_new_core_is_read_by_gdb_and_queued_as_its_crash_with_the_signature_of_the_live_transcript_and_a_core_there_at_start_is_not()
    {
        using var repo = await RepoAsync();
        // Named as with core_uses_pid, so the next crash's core does not replace it.
        File.Move(await programs.DumpCoreAsync("assert", repo["cores"]), repo["cores/core.1111"]);
        var run = CliRun.InProcessAsync(repo.Path, ["crash-watch", "--once", "--json"]);
        await CrashWatchCommandSpecs.WaitForPhaseAsync(repo, "watching", process: null);

        var core = await programs.DumpCoreAsync("null", repo["cores"]);
        var result = await run;

        result.ExitCode.Should().Be(0, result.Err);
        var report = JsonNode.Parse(result.Out)!;
        report["detected"]!.GetValue<int>().Should().Be(1, "the core of the failed assert was there before the session started");
        var live = CrashAnalysis.Of(await programs.UnderGdbAsync("null"), new OwnCode(programs.Dir.Path))!;
        report["crashes"]!.AsArray().Single()!["signature"]!.GetValue<string>().Should().Be(live.Signature.Value);
        var detected = Events(repo, EventJson.KindOf<CrashDetected>()).Should().ContainSingle().Which;
        detected["file"]!.GetValue<string>().Should().Be(core, "the crash records the core it came from");
        File.Exists(core).Should().BeTrue("a core in the user's folder is left where it is");
        detected["format"]!.GetValue<string>().Should().Be("gdb");
        var saved = CrashAnalysis.Of(await File.ReadAllTextAsync(detected["report"]!.GetValue<string>()), new OwnCode(repo.Path))!;
        saved.Signature.Should().Be(live.Signature);
        saved.OwnFrames.Select(f => $"{f.Frame.Function} @ {f.Path}").Should().Equal(
            $"GetHealth @ {CrashPrograms.UpdaterFile}", $"main @ {CrashPrograms.MainFile}");
    }

    [Fact(Timeout = 300_000)]
    public async Task An_unreadable_core_raises_a_core_unreadable_alert_and_a_core_of_another_program_is_skipped_while_the_session_goes_on()
    {
        using var repo = await RepoAsync();
        using var interrupt = new CancellationTokenSource();
        var run = CliRun.InProcessAsync(repo.Path, ["crash-watch", "--json"], interrupt.Token);
        await CrashWatchCommandSpecs.WaitForPhaseAsync(repo, "watching", process: null);

        var broken = repo.Write("cores/core.4242", "half a core: the disk filled while the kernel wrote it\n");
        await CrashWatchCommandSpecs.WaitForEventAsync(repo, EventJson.KindOf<AlertRaised>(), process: null, CrashAlerts.CoreUnreadable);
        var other = await programs.DumpCoreAsync("null", repo["cores"], program: "authserver");
        await CrashWatchCommandSpecs.WaitForEventAsync(repo, EventJson.KindOf<CoreSkipped>(), process: null);
        await interrupt.CancelAsync();
        var result = await run;

        result.ExitCode.Should().Be(0, result.Err);
        var report = JsonNode.Parse(result.Out)!;
        report["stop_reason"]!.GetValue<string>().Should().Be("interrupted", "neither core ended the session");
        report["detected"]!.GetValue<int>().Should().Be(0);
        AlertLog.ReadLast(repo[".nightshift/alerts.jsonl"], 10).Should().ContainSingle(a => a.Kind == CrashAlerts.CoreUnreadable)
            .Which.Message.Should().Contain($"gdb could not read the core {broken}").And.Contain("is not a core dump")
            .And.Contain(repo["worldserver"]);
        var skipped = Events(repo, EventJson.KindOf<CoreSkipped>()).Should().ContainSingle().Which;
        skipped["file"]!.GetValue<string>().Should().Be(other);
        skipped["program"]!.GetValue<string>().Should().Contain("authserver null");
    }

    [Fact(Timeout = 120_000)]
    public async Task Crash_parse_with_exe_reads_a_core_as_crash_watch_does_and_says_why_it_could_not_read_another()
    {
        using var repo = await RepoAsync();
        var core = await programs.DumpCoreAsync("null", repo["cores"]);
        repo.Write("cores/core.4242", "no core at all\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["crash", "parse", core, "cores/core.4242", "--exe", "worldserver", "--json"]);

        result.ExitCode.Should().Be(0, result.Err);
        var reports = JsonNode.Parse(result.Out)!.AsArray();
        var live = CrashAnalysis.Of(await programs.UnderGdbAsync("null"), new OwnCode(programs.Dir.Path))!;
        reports[0]!["format"]!.GetValue<string>().Should().Be("gdb");
        reports[0]!["signature"]!.GetValue<string>().Should().Be(live.Signature.Value);
        reports[0]!["frames"]!.AsArray().Where(f => f!["own"]!.GetValue<bool>()).Select(f => f!["repository_file"]!.GetValue<string>())
            .Should().Equal(CrashPrograms.UpdaterFile, CrashPrograms.MainFile);
        reports[1]!["recognized"]!.GetValue<bool>().Should().BeFalse();
        result.Err.Should().Contain("cores/core.4242: gdb could not read it").And.Contain("is not a core dump");
    }

    [Fact(Timeout = 300_000)]
    public async Task With_coredumpctl_a_new_core_it_lists_is_dumped_under_nightshift_read_as_a_core_of_the_folder_is_and_deleted()
    {
        // coredumpctl stands in for systemd's over one real core: it lists it once the crash happened and dumps it by copying.
        using var repo = await RepoAsync(_config.Replace("cores: cores", "cores: coredumpctl", StringComparison.Ordinal));
        using var systemd = new TempDir("fake-systemd");
        var fake = systemd.Path;
        var script = Path.Combine(fake, "coredumpctl");
        await File.WriteAllTextAsync(script, """
            #!/bin/sh
            echo "$*" >> "$FAKE_SYSTEMD/calls"
            case "$1" in
              list) [ -e "$FAKE_SYSTEMD/core" ] || { echo "No coredumps found." >&2; exit 1; }
                    printf '[{"time":1765000000000000,"pid":4242,"uid":0,"gid":0,"sig":11,"corefile":"present","exe":"%s","size":1}]\n' "$5" ;;
              dump) for arg; do case "$arg" in --output=*) cp "$FAKE_SYSTEMD/core" "${arg#--output=}" ;; esac; done ;;
            esac
            """);
        await ToolRun.RunAsync("chmod", ["+x", script], fake, null, TimeSpan.FromSeconds(10), CancellationToken.None);
        using var process = CliRun.Start(repo.Path, ["crash-watch", "--once", "--json"], new Dictionary<string, string?>
        {
            ["PATH"] = fake + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_SYSTEMD"] = fake,
        });
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await CrashWatchCommandSpecs.WaitForPhaseAsync(repo, "watching", process);

        File.Move(await programs.DumpCoreAsync("null", programs.Dir["cores-coredumpctl"]), Path.Combine(fake, "core"));
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, await stderr);
        var report = JsonNode.Parse(await stdout)!;
        var live = CrashAnalysis.Of(await programs.UnderGdbAsync("null"), new OwnCode(programs.Dir.Path))!;
        report["crashes"]!.AsArray().Single()!["signature"]!.GetValue<string>().Should().Be(live.Signature.Value);
        Events(repo, EventJson.KindOf<CrashDetected>()).Should().ContainSingle()
            .Which["file"]!.GetValue<string>().Should().Be(repo[".nightshift/crash-watch/cores/4242-1765000000000000.core"]);
        File.Exists(repo[".nightshift/crash-watch/cores/4242-1765000000000000.core"]).Should().BeFalse("an exported core is deleted once gdb read it");
        var calls = await File.ReadAllLinesAsync(Path.Combine(fake, "calls"));
        calls.Should().Contain(c => c.StartsWith("list --no-pager --json=short --since=@", StringComparison.Ordinal) && c.EndsWith(" " + repo["worldserver"], StringComparison.Ordinal));
        calls.Where(c => c.StartsWith("dump ", StringComparison.Ordinal)).Should().ContainSingle("a core is exported once")
            .Which.Should().EndWith(" 4242");
    }

    // A repository with the worldserver's sources committed and its binary built (copied from the fixture's build).
    private async Task<GitRepo> RepoAsync(string? config = null)
    {
        _config.Should().Contain("cores: cores");
        var repo = await CrashWatchCommandSpecs.RepoAsync(config ?? _config);
        foreach (var source in new[] { CrashPrograms.UpdaterFile, CrashPrograms.MainFile })
        {
            repo.Write(source, await File.ReadAllTextAsync(programs.Dir[source]));
        }

        File.Copy(programs.Dir["worldserver"], repo["worldserver"]);
        repo.Write(".gitignore", "worldserver\ncores/\nrecordings/\n");
        Directory.CreateDirectory(repo["cores"]);
        await repo.CommitAllAsync("worldserver");
        return repo;
    }

    private static List<JsonNode> Events(GitRepo repo, string kind) =>
        [.. File.ReadAllLines(repo[".nightshift/events.jsonl"]).Select(TelemetryEvent.TryParse).OfType<TelemetryEvent>()
            .Where(e => e.Kind == kind).Select(e => (JsonNode)e.Payload!)];
}
