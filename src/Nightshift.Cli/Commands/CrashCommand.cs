using System.CommandLine;
using Nightshift.Cli.Rendering;
using Nightshift.Git;
using Nightshift.Workloads.CrashWatch.Analysis;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift crash parse</c>: what crash-watch makes of crash reports, without running anything.</summary>
internal static class CrashCommand
{
    public static Command Create(GlobalOptions globals, CliHost host) => new(
        "crash",
        "Crash reports as crash-watch reads them. Example: nightshift crash parse logs/crash-2024-03-02.txt")
    {
        CreateParse(globals, host),
    };

    private static Command CreateParse(GlobalOptions globals, CliHost host)
    {
        var files = new Argument<string[]>("FILE") { Description = "Crash reports to parse", Arity = ArgumentArity.OneOrMore };
        var command = new Command(
            "parse",
            "Print, for each crash report, its format, kind, message, frames (own frames marked '*', with the repository file " +
            "each resolved to) and the signature that deduplicates it. Reads the reports and the repository's file list " +
            "(git ls-files) only: no lock, no session, safe while crash-watch runs. Exit code 1 when no report was recognised. " +
            "Example: nightshift crash parse crashes/worldserver-crash.txt crashes/gdb.txt --json")
        {
            files,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var given = parseResult.GetValue(files)!;
            if (given.FirstOrDefault(path => !File.Exists(host.ResolvePath(path))) is { } missing)
            {
                throw new UsageException($"{missing}: no such file. Give the path of a crash report (a file crash.watch would pick up).");
            }

            var root = globals.LoadOptionalConfig(parseResult, host)?.RepositoryRoot ?? host.WorkingDirectory;
            var ownCode = await OwnCodeAsync(root, host, cancellationToken);
            var reports = new List<ParsedReport>();
            foreach (var path in given)
            {
                var text = await File.ReadAllTextAsync(host.ResolvePath(path), cancellationToken);
                reports.Add(new ParsedReport(path, CrashAnalysis.Of(text, ownCode), ownCode));
            }

            if (parseResult.GetValue(globals.Json))
            {
                await host.Out.WriteLineAsync(CrashParseView.Json(reports).AsMemory(), cancellationToken);
            }
            else
            {
                await host.Out.WriteAsync(CrashParseView.Text(reports).AsMemory(), cancellationToken);
            }

            return reports.Any(report => report.Analysis is not null) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>The repository's tracked files when <paramref name="root"/> is in a git checkout, else the files on disk.</summary>
    private static async Task<OwnCode> OwnCodeAsync(string root, CliHost host, CancellationToken cancellationToken)
    {
        try
        {
            var repository = await GitRepository.OpenAsync(root, cancellationToken: cancellationToken);
            return await OwnCode.LoadAsync(repository, root, cancellationToken);
        }
        catch (NightshiftException e) when (e is not GitException)
        {
            await host.Error.WriteLineAsync($"nightshift: {root} is not in a git checkout; own frames are looked up among the files on disk.");
            return new OwnCode(root);
        }
    }
}
