using System.CommandLine;
using Nightshift.Agents;
using Nightshift.Cli.Rendering;
using Nightshift.Telemetry.Events;
using Nightshift.Workloads.CrashWatch;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift crash-watch</c>: watch for crash reports, fix each crash, land, deploy and health-check the fix.</summary>
internal static class CrashWatchCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var once = new Option<bool>("--once") { Description = "Stop after the first crash went through the pipeline (same as --max-crashes 1)" };
        var maxCrashes = new Option<int?>("--max-crashes") { Description = "Stop after N crashes went through the pipeline", HelpName = "N" };
        var skipExisting = new Option<bool>("--skip-existing") { Description = "Ignore the crash reports already there; only new ones count" };
        var pollOnly = new Option<bool>("--poll-only")
        {
            Description = "Find reports by listing every crash.poll only, without change notifications (NFS and other file systems that send none)",
        };
        var command = new Command(
            "crash-watch",
            "Watch crash.watch for crash reports; for each crash (deduplicated by signature) run the agent, build, verify (tests not " +
            "worse, crash.repro no longer crashes), land a ticketed commit on the session branch, push, then restart crash.service " +
            "with the fix and check its health, rolling back to the previous build if it fails. Runs until SIGINT/SIGTERM. " +
            "Example: nightshift crash-watch --max-crashes 3 --json")
        {
            once, maxCrashes, skipExisting, pollOnly,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var max = parseResult.GetValue(once) ? 1 : parseResult.GetValue(maxCrashes);
            if (max is < 1)
            {
                throw new UsageException("--max-crashes must be at least 1.");
            }

            var config = await PromotedModel.ApplyAsync(
                globals.LoadConfig(parseResult, host), notice => host.Error.WriteLine($"nightshift: {notice}"), cancellationToken);
            config.RequireCrash("nightshift crash-watch");
            config.RequireBuild("nightshift crash-watch (it builds every fix before deploying it)");
            var ladder = new AgentFactory(config, e => host.Error.WriteLine($"nightshift: {ProviderEventText.Line(e)}")).CreateLadder(attemptsPerRung: 1);
            await using var locked = await LockedJournal.OpenAsync(config, host, "crash-watch", cancellationToken);

            using var interrupted = new InterruptSignals(cancellationToken);
            var verbose = parseResult.GetValue(globals.Verbose);
            using var stopTail = new CancellationTokenSource();
            var tail = new EventTail(locked.Paths.Events, e =>
            {
                if (CrashWatchView.Line(e, verbose) is { } line)
                {
                    host.Error.WriteLine(line);
                }
            }).RunAsync(stopTail.Token);

            var options = new CrashWatchOptions { MaxCrashes = max, SkipExisting = parseResult.GetValue(skipExisting), PollOnly = parseResult.GetValue(pollOnly) };
            CrashWatchReport report;
            try
            {
                await host.Error.WriteLineAsync($"nightshift: watching {string.Join(", ", config.Crash!.Watch)} (Ctrl-C to stop)");
                report = await new CrashWatchSession(config, locked.Journal, ladder, options, locked.Runner).RunAsync(interrupted.Token);
            }
            finally
            {
                await stopTail.CancelAsync();
                await tail;
            }

            if (parseResult.GetValue(globals.Json))
            {
                await host.Out.WriteLineAsync(CrashWatchView.Json(report).AsMemory(), CancellationToken.None);
            }
            else
            {
                CrashWatchView.Table(ResultConsole.Create(host), report);
            }

            return report.Crashes.Any(c => c.Result == CrashResult.ServiceDown) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
