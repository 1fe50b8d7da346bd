using System.CommandLine;
using Nightshift.Cli.Rendering;
using Nightshift.Configuration;
using Nightshift.Telemetry;

namespace Nightshift.Cli.Commands;

/// <summary>
/// <c>nightshift status</c>: one look at the repository's session from status.json and the lock. Always exit 0:
/// "no session" (state idle) and "the session died" (state interrupted) are answers, not failures.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var command = new Command(
            "status",
            "Show what the session is doing now, from .nightshift/status.json and the lock: state running, interrupted (the process " +
            "died), ended or idle (no status file); exit code 0 in every case. --json prints the status file with the lock holder. " +
            "Example: nightshift status --json");

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var live = LiveStatus.Read(ConfigLocator.LocateNightshiftPaths(parseResult.GetValue(globals.Config), host.WorkingDirectory));
            if (parseResult.GetValue(globals.Json))
            {
                await host.Out.WriteLineAsync(live.ToJson().AsMemory(), cancellationToken);
            }
            else
            {
                host.CreateOutConsole().Write(StatusView.Render(live, DateTimeOffset.UtcNow));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
