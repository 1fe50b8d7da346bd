using System.CommandLine;
using System.Runtime.InteropServices;
using Nightshift.Cli.Rendering;
using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Telemetry;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Nightshift.Cli.Commands;

/// <summary>
/// <c>nightshift watch</c>: a live dashboard of the session, redrawn from status.json, events.jsonl and
/// alerts.jsonl. Reads files only, so it never slows or locks the session it watches.
/// </summary>
internal static class WatchCommand
{
    private const int RecentEvents = 10;
    private const int RecentAlerts = 5;

    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var interval = new Option<double>("--interval")
        {
            Description = "Seconds between refreshes",
            DefaultValueFactory = _ => 2,
            HelpName = "SECONDS",
        };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var seconds && (double.IsNaN(seconds) || seconds < 0.1 || seconds > 3600))
            {
                result.AddError("--interval must be between 0.1 and 3600 seconds.");
            }
        });
        var command = new Command(
            "watch",
            "Live dashboard of the session (budgets, clusters, workers, recent events, alerts), redrawn every --interval seconds " +
            "until the session ends or Ctrl+C; when output is not a terminal it prints one frame and exits. Example: nightshift watch --interval 5")
        {
            interval,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var paths = ConfigLocator.LocateNightshiftPaths(parseResult.GetValue(globals.Config), host.WorkingDirectory);
            var console = host.CreateOutConsole();
            if (!host.Interactive)
            {
                console.Write(Frame(paths, out _));
                return ExitCodes.Ok;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            var delay = TimeSpan.FromSeconds(parseResult.GetValue(interval));
            // A frame taller than the terminal loses its bottom (workers, events), never the session panel and alerts at its top.
            var display = console.Live(new Text("")).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Cropping(VerticalOverflowCropping.Bottom);
            await display.StartAsync(async context =>
            {
                while (true)
                {
                    context.UpdateTarget(Frame(paths, out var state));
                    context.Refresh();
                    if (state is LiveState.Ended or LiveState.Interrupted || stop.IsCancellationRequested)
                    {
                        return;
                    }

                    try
                    {
                        await Task.Delay(delay, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            });
            return ExitCodes.Ok;

            // Ctrl+C ends the dashboard, not the process: Live must restore the cursor on its way out.
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        });
        return command;
    }

    private static IRenderable Frame(NightshiftPaths paths, out LiveState state)
    {
        var live = LiveStatus.Read(paths);
        state = live.State;
        var sessionId = live.Status?.SessionId;
        var events = EventLog.ReadLast(paths.Events, RecentEvents * 4).Where(e => e.SessionId == sessionId).TakeLast(RecentEvents).ToList();
        var alerts = AlertLog.ReadLast(paths.Alerts, RecentAlerts * 4).Where(a => a.SessionId == sessionId).TakeLast(RecentAlerts).ToList();
        return WatchFrame.Build(live, events, alerts, DateTimeOffset.UtcNow);
    }
}
