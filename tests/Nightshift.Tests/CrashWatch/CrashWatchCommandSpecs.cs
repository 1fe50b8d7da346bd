using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Tests.Support;
using Nightshift.Workloads.CrashWatch;

namespace Nightshift.Tests.CrashWatch;

/// <summary>The command's contract: configuration and usage errors, the lock, and a clean end on SIGTERM.</summary>
public sealed class CrashWatchCommandSpecs
{
    private const string Config = """
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
        using var held = SessionLock.Acquire(repo[".nightshift"], "run");

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
        await WaitForEventAsync(repo, CrashEvents.Unrecognized, process);
        Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, await stderr);
        var report = JsonNode.Parse(await stdout)!;
        report["stop_reason"]!.GetValue<string>().Should().Be("interrupted");
        report["detected"]!.GetValue<int>().Should().Be(0, "a file that is not a crash report is no crash");
        await using var journal = Journal.Open(Journal.PathIn(repo.Path));
        var session = (await journal.LatestSessionAsync(CancellationToken.None))!;
        session.Workload.Should().Be(CrashWatchSession.Workload);
        session.State.Should().Be(SessionState.Ended);
        session.StopReason.Should().Be("interrupted");
    }

    private static async Task<GitRepo> RepoAsync()
    {
        var repo = await GitRepo.InitAsync("cw");
        repo.Write("nightshift.yml", Config);
        repo.Write(".gitignore", "target/\ncrashes/\nrecordings/\n");
        Directory.CreateDirectory(repo["recordings"]);
        await repo.CommitAllAsync("crash-watch config");
        return repo;
    }

    private static async Task WaitForPhaseAsync(GitRepo repo, string phase, Process process)
    {
        while (true)
        {
            process.HasExited.Should().BeFalse("crash-watch should still run");
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

    private static async Task WaitForEventAsync(GitRepo repo, string kind, Process process)
    {
        var events = repo[".nightshift/events.jsonl"];
        while (!File.Exists(events) || !(await File.ReadAllLinesAsync(events)).Any(line => line.Contains($"\"kind\":\"{kind}\"", StringComparison.Ordinal)))
        {
            process.HasExited.Should().BeFalse("crash-watch should still run");
            await Task.Delay(50);
        }
    }
}
