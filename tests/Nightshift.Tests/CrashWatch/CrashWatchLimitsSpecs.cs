using System.Text.Json.Nodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.CrashWatch;

/// <summary>The session limits every workload shares (<c>limits.hours</c>, <c>limits.max_cost_usd</c>, <c>limits.min_free_disk</c>) end a crash-watch session.</summary>
public sealed class CrashWatchLimitsSpecs
{
    private const string Crash =
        "thread 'main' panicked at src/lib.rs:2:5:\nthe answer is wrong\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";

    [Fact(Timeout = 120_000)]
    public async Task Limits_hours_ends_a_crash_watch_session_that_would_otherwise_watch_forever_with_stop_reason_time_budget()
    {
        using var repo = await RepoAsync("  hours: 2s\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["crash-watch", "--json"]);

        result.ExitCode.Should().Be(0, result.Err);
        JsonNode.Parse(result.Out)!["stop_reason"]!.GetValue<string>().Should().Be("time_budget");
        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var session = (await journal.LatestSessionAsync(CancellationToken.None))!;
        session.State.Should().Be(SessionState.Ended);
        session.StopReason.Should().Be("time_budget");
        AlertLog.ReadLast(repo[".nightshift/alerts.jsonl"], 10).Should().ContainSingle(a => a.Kind == AlertKinds.BudgetExhausted)
            .Which.Message.Should().Contain("2s");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_spent_limits_max_cost_usd_ends_a_crash_watch_session_with_stop_reason_cost_budget()
    {
        // The replay agent costs nothing, so only a budget of zero is spent before any crash.
        using var repo = await RepoAsync("  max_cost_usd: 0\n");

        var result = await CliRun.InProcessAsync(repo.Path, ["crash-watch", "--json"]);

        result.ExitCode.Should().Be(0, result.Err);
        JsonNode.Parse(result.Out)!["stop_reason"]!.GetValue<string>().Should().Be("cost_budget");
        AlertLog.ReadLast(repo[".nightshift/alerts.jsonl"], 10).Should().ContainSingle(a => a.Kind == AlertKinds.BudgetExhausted);
    }

    [Fact(Timeout = 120_000)]
    public async Task Less_free_disk_than_limits_min_free_disk_raises_disk_low_and_ends_the_session_before_any_fix_starts()
    {
        // No test machine has a million terabytes free. A crash report is waiting: no fix of it starts.
        using var repo = await RepoAsync("  min_free_disk: 1000000TB\n");
        repo.Write("crashes/crash.txt", Crash);

        var result = await CliRun.InProcessAsync(repo.Path, ["crash-watch", "--json"]);

        result.ExitCode.Should().Be(0, result.Err);
        var report = JsonNode.Parse(result.Out)!;
        report["stop_reason"]!.GetValue<string>().Should().Be("disk_low");
        report["crashes"]!.AsArray().Should().BeEmpty();
        var alert = AlertLog.ReadLast(repo[".nightshift/alerts.jsonl"], 10).Should().ContainSingle(a => a.Kind == AlertKinds.DiskLow).Which;
        alert.Severity.Should().Be(AlertSeverity.Critical);
        alert.Message.Should().Contain("limits.min_free_disk (1000000TB)");
        var events = await File.ReadAllTextAsync(repo[".nightshift/events.jsonl"]);
        events.Should().NotContain($"\"kind\":\"{EventJson.KindOf<CrashPipelineStarted>()}\"");
        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var session = (await journal.LatestSessionAsync(CancellationToken.None))!;
        session.StopReason.Should().Be("disk_low");
    }

    // crash-watch's command config, with these limits.
    private static Task<GitRepo> RepoAsync(string limits) => CrashWatchCommandSpecs.RepoAsync(CrashWatchCommandSpecs.Config + "\nlimits:\n" + limits);
}
