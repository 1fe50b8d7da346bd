using System.CommandLine;
using Nightshift.Cli.Rendering;
using Nightshift.Probing;
using Nightshift.Reports;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift baseline</c>: probe the repository, journal the snapshot and print its ranked clusters.</summary>
internal static class BaselineCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Run every corpus item again instead of reusing the results of unchanged ones (fresh results are still cached)",
        };
        var sarif = FileOption.Create("--sarif", "Also write every diagnostic to FILE as SARIF 2.1.0, for code-scanning tools");
        var command = new Command(
            "baseline",
            "Probe the repository, store the snapshot in the journal and print its clusters ranked by count. " +
            "Exits 0 whenever the probe ran: errors are the measurement. Example: nightshift baseline --json")
        {
            noCache,
            sarif,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var config = globals.LoadConfig(parseResult, host);
            var probeConfig = config.RequireProbe("nightshift baseline");
            var root = config.RepositoryRoot;
            await using var locked = await LockedJournal.OpenAsync(config, host, "baseline", cancellationToken);
            var journal = locked.Journal;
            var probe = ProbeFactory.Create(probeConfig, new ProbeCache(journal), locked.Runner);
            var options = new ProbeOptions { UseCache = !parseResult.GetValue(noCache) };

            using var interrupted = new InterruptSignals(cancellationToken);
            var takenAt = DateTimeOffset.UtcNow;
            Snapshot snapshot;
            try
            {
                snapshot = await ProbeProgressDisplay.RunAsync(host, probe, root, options, interrupted.Token);
            }
            catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
            {
                await host.Error.WriteLineAsync("nightshift: baseline interrupted; no snapshot was stored (results of finished items are cached).");
                return ExitCodes.Failed;
            }

            var id = await journal.SaveAsync(snapshot, takenAt, sessionId: null, CancellationToken.None);
            if (parseResult.GetValue(sarif) is { Length: > 0 } sarifPath)
            {
                await SarifWriter.WriteFileAsync(snapshot, host.ResolvePath(sarifPath), root, CancellationToken.None);
            }

            if (parseResult.GetValue(globals.Json))
            {
                await host.Out.WriteLineAsync(BaselineView.Json(id, snapshot).AsMemory(), CancellationToken.None);
            }
            else
            {
                BaselineView.Table(ResultConsole.Create(host), id, snapshot, all: parseResult.GetValue(globals.Verbose));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
