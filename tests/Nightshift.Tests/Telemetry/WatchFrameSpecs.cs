using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nightshift.Cli.Rendering;
using Nightshift.Sessions;
using Nightshift.Telemetry;
using Nightshift.Tests.Support;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Nightshift.Tests.Telemetry;

public sealed class WatchFrameSpecs : IDisposable
{
    private static readonly DateTimeOffset _now = new(2025, 3, 1, 3, 2, 5, TimeSpan.Zero);
    private readonly TempDir _repo = new("watch");

    public WatchFrameSpecs() => _repo.Write("nightshift.yml", "version: 1\n");

    private string NightshiftDirectory => _repo[".nightshift"];

    [Fact(Timeout = 30_000)]
    public async Task A_frame_draws_the_budgets_as_bars_the_clusters_before_and_now_the_workers_events_and_alerts()
    {
        await Task.Yield();
        var live = new LiveStatus("/r/.nightshift/status.json", StatusFileSpecs.Status(clusters: 12), HeldByRun);
        TelemetryEvent[] events =
        [
            new(10, _now.AddSeconds(-20), 7, 12, "tool_call", new JsonObject { ["tool"] = "edit", ["path"] = "src/lib.rs" }),
            new(11, _now.AddSeconds(-5), 7, null, "attempt_landed", new JsonObject { ["ticket"] = "NS-4" }),
        ];
        Alert[] alerts = [new(_now.AddMinutes(-1), AlertSeverity.Warning, AlertKinds.RepeatedRejections, "3 rejections in a row", 7)];

        var lines = Render(WatchFrame.Build(live, events, alerts, _now), width: 110).Split('\n');

        lines.Should().Contain(l => l.Contains("Time ", StringComparison.Ordinal) && l.Contains(new string(TextBar.Full, 4), StringComparison.Ordinal)
            && l.Contains(TextBar.Empty) && l.Contains("13%", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("Cost ", StringComparison.Ordinal) && l.Contains("$1.25 of $10.00", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("Clusters: baseline (grey) and now (green)", StringComparison.Ordinal));
        var firstCluster = Array.FindIndex(lines, l => l.Contains("rustc:error:E0000", StringComparison.Ordinal));
        lines[firstCluster].Should().MatchRegex(@"100\s+0\s+" + new string(TextBar.Full, WatchFrame.ClusterBarWidth), "the baseline bar of the largest cluster is full width");
        lines.Count(l => Regex.IsMatch(l, @"rustc:error:E00\d\d")).Should().Be(WatchFrame.MaxClusters);
        string.Join('\n', lines).Should().Contain("and 4 smaller clusters")
            .And.Contain("running · phase burn-down").And.Contain("held by pid 4242 on build-01")
            .And.Contain("Workers").And.Contain("#12").And.Contain("edit src/lib.rs")
            .And.Contain("Recent events").And.Contain("03:01:45").And.Contain("tool_call").And.Contain("tool=edit path=src/lib.rs")
            .And.Contain("attempt_landed").And.Contain("ticket=NS-4")
            .And.Contain("Alerts").And.Contain("warning").And.Contain("repeated_rejections").And.Contain("3 rejections in a row")
            .And.NotContain("\u001b[");
        lines.Should().OnlyContain(l => l.Length <= 110);
        Array.FindIndex(lines, l => l.Contains("Alerts", StringComparison.Ordinal))
            .Should().BeLessThan(firstCluster, "alerts come right after the session panel, where a small terminal still shows them");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_crash_watch_frame_shows_the_services_release_restarts_uptime_and_resident_memory()
    {
        await Task.Yield();
        var service = new ServiceStatus("attempt-3", 4242, Running: true, Restarts: 2, TimeSpan.FromSeconds(80), 14_890_000);
        var status = StatusFileSpecs.Status(clusters: 0) with { Workload = "crash-watch", Service = service };

        var text = StatusCommandSpecs.Flat(Render(WatchFrame.Build(new LiveStatus("s", status, Free), [], [], _now), width: 110));

        text.Should().Contain("Service").And.Contain("release attempt-3, running (pid 4242), 2 restarts, up 1m 20s, 14.2 MB resident");
    }

    [Fact(Timeout = 30_000)]
    public async Task Journal_text_with_markup_brackets_is_drawn_as_it_is()
    {
        await Task.Yield();
        var status = StatusFileSpecs.Status(clusters: 0) with { Workload = "[red]burn[/]", Clusters = [new ClusterProgress("gcc:error:[-Werror]", 3, 1)] };
        TelemetryEvent[] events = [new(1, _now, 7, null, "[bold]", new JsonObject { ["x"] = "[/]" })];

        var text = Render(WatchFrame.Build(new LiveStatus("s", status, Free), events, [], _now), width: 100);

        text.Should().Contain("gcc:error:[-Werror]").And.Contain("[red]burn[/]").And.Contain("[bold]").And.Contain("x=[/]");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_idle_frame_says_there_is_no_session_yet()
    {
        await Task.Yield();

        var text = Render(WatchFrame.Build(new LiveStatus("/r/.nightshift/status.json", null, Free), [], [], _now), width: 100);

        StatusCommandSpecs.Flat(text).Should().Contain("nightshift · idle").And.Contain("no session has run here yet")
            .And.Contain("Recent events: none yet.").And.Contain("Alerts: none.");
    }

    [Fact(Timeout = 30_000)]
    public async Task Watch_without_a_terminal_prints_one_frame_of_the_sessions_own_events_and_exits()
    {
        StatusFile.Write(Path.Combine(NightshiftDirectory, "status.json"), StatusFileSpecs.Status(clusters: 2));
        var events = new EventLog(Path.Combine(NightshiftDirectory, "events.jsonl"));
        events.Append(new TelemetryEvent(1, _now, 6, null, "from_last_night", null));
        events.Append(new TelemetryEvent(2, _now, 7, null, "phase", new JsonObject { ["name"] = "burn-down" }));
        new AlertLog(Path.Combine(NightshiftDirectory, "alerts.jsonl")).Append(new Alert(_now, AlertSeverity.Critical, AlertKinds.DiskLow, "2 GB left", 7));
        using var held = SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "run");

        var result = await CliRun.InProcessAsync(_repo.Path, ["watch", "--interval", "0.5"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.Err);
        result.Out.Should().Contain("session 7").And.Contain("name=burn-down").And.Contain("disk_low").And.Contain("2 GB left")
            .And.NotContain("from_last_night");
        result.Out.Split("nightshift · session 7").Should().HaveCount(2, "exactly one frame is printed");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_interval_out_of_range_is_a_usage_error()
    {
        var result = await CliRun.InProcessAsync(_repo.Path, ["watch", "--interval", "0"]);

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        result.Err.Should().Contain("--interval must be between");
    }

    public void Dispose() => _repo.Dispose();

    private static LockStatus Free => new("/r/.nightshift/lock", null, false);

    private static LockStatus HeldByRun => new("/r/.nightshift/lock", new LockHolder(4242, "build-01", _now.AddHours(-1), "run"), true);

    private static string Render(IRenderable renderable, int width)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Write(renderable);
        return writer.ToString();
    }
}
