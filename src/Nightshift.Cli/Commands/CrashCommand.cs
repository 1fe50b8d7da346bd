using System.CommandLine;
using Nightshift.Cli.Rendering;
using Nightshift.Diagnostics.Crashes;
using Nightshift.Execution;
using Nightshift.Git;
using Nightshift.Workloads.CrashWatch.Cores;

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
        var exe = new Option<string?>("--exe")
        {
            Description = "Each FILE is a core file of this program: read it with gdb (thread apply all bt full), as crash.cores does",
        };
        var command = new Command(
            "parse",
            "Print, for each crash report, its format, kind, message, frames (own frames marked '*', with the repository file " +
            "each resolved to) and the signature that deduplicates it. Reads the reports and the repository's file list " +
            "(git ls-files) only: no lock, no session, safe while crash-watch runs. Exit code 1 when no report was recognised. " +
            "Example: nightshift crash parse crashes/worldserver-crash.txt crashes/gdb.txt --json; " +
            "nightshift crash parse /var/crash/core.4242 --exe build/bin/worldserver")
        {
            files,
            exe,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var given = parseResult.GetValue(files)!;
            if (given.FirstOrDefault(path => !File.Exists(host.ResolvePath(path))) is { } missing)
            {
                throw new UsageException($"{missing}: no such file. Give the path of a crash report (a file crash.watch would pick up).");
            }

            var program = parseResult.GetValue(exe) is { } named ? host.ResolvePath(named) : null;
            if (program is not null && !File.Exists(program))
            {
                throw new UsageException($"--exe {parseResult.GetValue(exe)}: no such file. Give the program that dumped the cores.");
            }

            var root = globals.LoadOptionalConfig(parseResult, host)?.RepositoryRoot ?? host.WorkingDirectory;
            var ownCode = await OwnCodeAsync(root, host, cancellationToken);
            var cores = program is null ? null : new CoreReader(new ProcessRunner(), program, () => host.WorkingDirectory);
            var reports = new List<ParsedReport>();
            foreach (var path in given)
            {
                var text = cores is null
                    ? await File.ReadAllTextAsync(host.ResolvePath(path), cancellationToken)
                    : await CoreTextAsync(cores, path, host, cancellationToken);
                reports.Add(new ParsedReport(path, text is null ? null : CrashAnalysis.Of(text, ownCode), ownCode));
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

    /// <summary>gdb's transcript of the core at <paramref name="path"/>, or null (and why, on stderr) when it has none.</summary>
    private static async Task<string?> CoreTextAsync(CoreReader cores, string path, CliHost host, CancellationToken cancellationToken)
    {
        var reading = await cores.ReadAsync(host.ResolvePath(path), cancellationToken);
        if (reading is CoreReading.Transcript transcript)
        {
            return transcript.Text;
        }

        var problem = reading switch
        {
            CoreReading.OtherProgram other => $"a core of '{other.Program}', not of {cores.Executable}",
            CoreReading.Unreadable unreadable => $"gdb could not read it: {unreadable.Reason}",
            _ => "no reading",
        };
        await host.Error.WriteLineAsync($"nightshift: {path}: {problem}");
        return null;
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
