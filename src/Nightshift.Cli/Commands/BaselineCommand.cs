using System.CommandLine;
using System.Runtime.InteropServices;
using Nightshift.Cli.Rendering;
using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Probing;
using Nightshift.Reports;
using Nightshift.Sessions;
using Nightshift.Store;

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
        var sarif = new Option<string?>("--sarif")
        {
            Description = "Also write every diagnostic to FILE as SARIF 2.1.0, for code-scanning tools",
            HelpName = "FILE",
        };
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
            var config = ConfigLoader.Load(ConfigLocator.Locate(parseResult.GetValue(globals.Config), host.WorkingDirectory));
            var probeConfig = config.RequireProbe("nightshift baseline");
            var runner = await SandboxedRunner.CreateAsync(config.Sandbox, host, cancellationToken);
            var root = config.RepositoryRoot;
            var paths = NightshiftPaths.For(root);

            // A night probes and writes the same journal; a baseline in the middle of it would race it.
            using var sessionLock = SessionLock.Acquire(paths, "baseline");
            await using var journal = Journal.Open(paths.Journal);
            var probe = ProbeFactory.Create(probeConfig, new ProbeCache(journal), runner);
            var options = new ProbeOptions { UseCache = !parseResult.GetValue(noCache) };

            using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt(interrupted));
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt(interrupted));
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

    /// <summary>Stops the probe's steps (their process groups do not get the terminal's signal) instead of dying around them.</summary>
    private static Action<PosixSignalContext> Interrupt(CancellationTokenSource source) => context =>
    {
        context.Cancel = true;
        source.Cancel();
    };
}
