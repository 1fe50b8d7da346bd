using System.CommandLine;
using Nightshift.Cli.Rendering;
using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Probing;
using Nightshift.Store;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift diff A B</c>: how the clusters changed between two journaled snapshots.</summary>
internal static class DiffCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var before = new Argument<string>("before")
        {
            Description = $"The earlier snapshot: an id, '{SnapshotReference.Last}' or '{SnapshotReference.Previous}'",
            DefaultValueFactory = _ => SnapshotReference.Previous,
        };
        var after = new Argument<string>("after")
        {
            Description = $"The later snapshot: an id, '{SnapshotReference.Last}' or '{SnapshotReference.Previous}'",
            DefaultValueFactory = _ => SnapshotReference.Last,
        };
        var command = new Command(
            "diff",
            "Compare two snapshots from the journal: each cluster's count before and after, new and vanished clusters, totals. " +
            "Example: nightshift diff previous last")
        {
            before,
            after,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // Only the journal's location is needed: a diff of old snapshots must work even while nightshift.yml is being edited.
            var root = Path.GetDirectoryName(ConfigLocator.Locate(parseResult.GetValue(globals.Config), host.WorkingDirectory))!;
            var journalPath = NightshiftPaths.For(root).Journal;
            if (!File.Exists(journalPath))
            {
                throw new SnapshotNotFoundException($"there are no snapshots yet ({journalPath} does not exist). Run 'nightshift baseline' to take one.");
            }

            await using var journal = Journal.Open(journalPath);
            var diff = SnapshotDiff.Between(
                await SnapshotReference.ResolveAsync(journal, parseResult.GetValue(before)!, cancellationToken),
                await SnapshotReference.ResolveAsync(journal, parseResult.GetValue(after)!, cancellationToken));

            if (parseResult.GetValue(globals.Json))
            {
                await host.Out.WriteLineAsync(DiffView.Json(diff).AsMemory(), cancellationToken);
            }
            else
            {
                DiffView.Table(ResultConsole.Create(host), diff);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
