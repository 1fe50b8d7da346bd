using System.CommandLine;
using System.Globalization;
using Nightshift.Configuration;
using Nightshift.Reports;
using Nightshift.Store;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift report</c>: the morning report of a session from the journal, as Markdown or self-contained HTML.</summary>
internal static class ReportCommand
{
    private const string Last = "last";

    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var session = new Option<string>("--session")
        {
            Description = "The session to report: its id, or 'last' for the latest",
            DefaultValueFactory = _ => Last,
            HelpName = "ID|last",
        };
        session.Validators.Add(result =>
        {
            if (ParseSession(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError("--session takes a session id (a positive number) or 'last'.");
            }
        });
        var format = new Option<string>("--format")
        {
            Description = "md (Markdown), html (one self-contained file with charts) or json (the report's data, as --json)",
            DefaultValueFactory = _ => "md",
            HelpName = "md|html|json",
        };
        format.AcceptOnlyFromAmong("md", "html", "json");
        var output = FileOption.Create("--out", "Where to write the report (default: stdout for md, .nightshift/reports/<session>.html for html); the path is printed");
        var command = new Command(
            "report",
            "The morning report of a session from the journal: duration and stop reason, commits with tickets and verified figures, " +
            "clusters before -> after, targets met or missed, rejections by reason, alerts, cost by agent, all sessions; for crash-watch, " +
            "each crash with its result and timed steps; --json prints its data. Example: nightshift report --format html")
        {
            session,
            format,
            output,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var paths = ConfigLocator.LocateNightshiftPaths(parseResult.GetValue(globals.Config), host.WorkingDirectory);
            var databasePath = paths.Journal;
            if (!File.Exists(databasePath))
            {
                throw new NightshiftException($"There is no journal at {databasePath}: no session has run in this repository yet, so there is nothing to report.");
            }

            ReportData report;
            await using (var journal = Journal.Open(databasePath))
            {
                var id = ParseSession(parseResult.GetValue(session)) is { } picked and > 0 ? picked : (long?)null;
                report = await ReportLoader.LoadAsync(journal, id, ReportTargets.Default, DateTimeOffset.UtcNow, cancellationToken);
            }

            if (parseResult.GetValue(globals.Json) || parseResult.GetValue(format) == "json")
            {
                await host.Out.WriteLineAsync(report.ToJson().AsMemory(), cancellationToken);
                return ExitCodes.Ok;
            }

            var html = parseResult.GetValue(format) == "html";
            var text = html ? HtmlReport.Render(report) : MarkdownReport.Render(report);
            var target = parseResult.GetValue(output) is { Length: > 0 } explicitPath
                ? host.ResolvePath(explicitPath)
                : html ? Path.Combine(paths.Reports, $"{report.Session.Id.ToString(CultureInfo.InvariantCulture)}.html") : null;
            if (target is null)
            {
                await host.Out.WriteAsync(text.AsMemory(), cancellationToken);
                return ExitCodes.Ok;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, text, cancellationToken);
            await host.Out.WriteLineAsync(target.AsMemory(), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    // 0 stands for "last"; null for text that is neither.
    private static long? ParseSession(string? text) =>
        string.Equals(text, Last, StringComparison.OrdinalIgnoreCase) ? 0
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
        : null;
}
