using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Files;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Telemetry.Events;
using Nightshift.Tests.Support;
using Nightshift.Workloads.CrashWatch;

namespace Nightshift.Tests.CrashWatch;

/// <summary>The command's contract: configuration and usage errors, the lock, and a clean end on SIGTERM.</summary>
public sealed class CrashWatchCommandSpecs
{
    internal const string Config = """
        version: 1
        build:
          command: ["true"]
        agent:
          provider: replay
          replay: recordings
        landing:
          branch: "watch/{date}"
        crash:
          watch: crashes/*.txt
          poll: 100ms
          settle: 50ms
        """;

    [Fact(Timeout = 60_000)]
    public async Task Without_a_crash_section_it_is_a_configuration_error_that_says_what_is_missing()
    {
        using var repo = await GitRepo.InitAsync("cw-config");
        repo.Write("nightshift.yml", "version: 1\nbuild:\n  command: [\"true\"]\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["crash-watch"]);

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("'crash' section");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_maximum_below_one_crash_is_a_usage_error()
    {
        using var repo = await RepoAsync();

        var result = await CliRun.InProcessAsync(repo.Path, ["crash-watch", "--max-crashes", "0"]);

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("--max-crashes");
    }

    [Fact(Timeout = 60_000)]
    public async Task It_is_refused_with_exit_code_3_while_another_session_holds_the_lock()
    {
        using var repo = await RepoAsync();
        using var held = SessionLock.Acquire(NightshiftFolder.Of(repo[".nightshift"]), "run");

        var result = await CliRun.InProcessAsync(repo.Path, ["crash-watch", "--once"]);

        result.ExitCode.Should().Be(3);
        result.Err.Should().Contain("'run'");
    }

    [Fact(Timeout = 180_000)]
    public async Task SIGTERM_ends_the_session_cleanly_and_journals_it_as_interrupted()
    {
        using var repo = await RepoAsync();
        using var process = CliRun.Start(repo.Path, ["crash-watch", "--json"]);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitForPhaseAsync(repo, "watching", process);

        repo.Write("crashes/noise.txt", "not a crash report, just a line of log\n");
        await WaitForEventAsync(repo, EventJson.KindOf<CrashUnrecognized>(), process);
        Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, await stderr);
        var report = JsonNode.Parse(await stdout)!;
        report["stop_reason"]!.GetValue<string>().Should().Be("interrupted");
        report["detected"]!.GetValue<int>().Should().Be(0, "a file that is not a crash report is no crash");
        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var session = (await journal.LatestSessionAsync(CancellationToken.None))!;
        session.Workload.Should().Be(CrashWatchSession.Workload);
        session.State.Should().Be(SessionState.Ended);
        session.StopReason.Should().Be("interrupted");
    }

    [Fact(Timeout = 300_000)]
    public async Task A_crash_whose_fix_was_interrupted_is_taken_up_again_by_the_next_session()
    {
        // The build waits for a gate: the first session is interrupted in the middle of the crash's pipeline.
        using var repo = await RepoAsync(Config
            .Replace("  command: [\"true\"]", "  command: [sh, -c, 'while [ ! -e ../../../../crashes/gate ]; do sleep 0.05; done']", StringComparison.Ordinal)
            .Replace("replay: recordings", "replay: fix.jsonl", StringComparison.Ordinal));
        using var interrupt = new CancellationTokenSource();
        var first = CliRun.InProcessAsync(repo.Path, ["crash-watch", "--json"], interrupt.Token);
        await WaitForPhaseAsync(repo, "watching", process: null);
        repo.Write("crashes/crash.txt",
            "thread 'main' panicked at src/lib.rs:2:5:\nthe answer is wrong\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n");
        await WaitForEventAsync(repo, EventJson.KindOf<CrashStepStarted>(), process: null, "\"step\":\"build\"");
        await interrupt.CancelAsync();
        (await first).ExitCode.Should().Be(0);

        repo.Write("crashes/gate", "");
        var second = await CliRun.InProcessAsync(repo.Path, ["crash-watch", "--once", "--json"]);

        second.ExitCode.Should().Be(0, second.Err);
        var report = JsonNode.Parse(second.Out)!;
        report["detected"]!.GetValue<int>().Should().Be(0, "the report was taken by the first session and is not taken twice");
        var crash = report["crashes"]!.AsArray().Single()!;
        crash["result"]!.GetValue<string>().Should().Be("landed");
        crash["ticket"]!.GetValue<string>().Should().Be("NS-0001");
        (await File.ReadAllTextAsync(repo[".nightshift/events.jsonl"])).Should().Contain("\"kind\":\"crash.resumed\"");
    }

    internal static async Task<GitRepo> RepoAsync(string config = Config)
    {
        var repo = await GitRepo.InitAsync("cw");
        repo.Write("nightshift.yml", config);
        repo.Write("fix.jsonl", "{\"path\": \"src/lib.rs\", \"content\": \"pub fn answer() -> u32 {\\n    42\\n}\\n\"}\n");
        repo.Write(".gitignore", "target/\ncrashes/\nrecordings/\n");
        Directory.CreateDirectory(repo["recordings"]);
        await repo.CommitAllAsync("crash-watch config");
        return repo;
    }

    internal static async Task WaitForPhaseAsync(GitRepo repo, string phase, Process? process)
    {
        while (true)
        {
            process?.HasExited.Should().BeFalse("crash-watch should still run");
            try
            {
                if (JsonDocument.Parse(await File.ReadAllTextAsync(repo[".nightshift/status.json"])).RootElement.GetProperty("phase").GetString() == phase)
                {
                    return;
                }
            }
            catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
            {
                // not written yet, or being replaced
            }

            await Task.Delay(50);
        }
    }

    internal static async Task WaitForEventAsync(GitRepo repo, string kind, Process? process, string also = "")
    {
        var events = repo[".nightshift/events.jsonl"];
        while (!File.Exists(events) || !(await File.ReadAllLinesAsync(events)).Any(line =>
            line.Contains($"\"kind\":\"{kind}\"", StringComparison.Ordinal) && line.Contains(also, StringComparison.Ordinal)))
        {
            process?.HasExited.Should().BeFalse("crash-watch should still run");
            await Task.Delay(50);
        }
    }
}
