using System.CommandLine;
using Nightshift.Attempts;
using Nightshift.Execution.Sandboxing;
using Nightshift.Verification;
using Spectre.Console;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift verify --patch FILE</c>: the verdict a night would give a patch, on demand.</summary>
internal static class VerifyCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var patch = FileOption.Required("--patch", "The unified diff to judge (as 'git diff' writes it), applied to HEAD in a worktree");
        var cluster = new Option<string?>("--cluster")
        {
            Description = "The cluster the patch should shrink: a key (rustc:error:E0308) or a code (E0308); default: the one it shrank most",
            HelpName = "KEY",
        };
        var command = new Command(
            "verify",
            "Judge a patch the way a night does: probe and test HEAD and HEAD + patch in worktrees, apply the policy, print the verdict. " +
            "Exits 0 when accepted, 1 when rejected. Example: nightshift verify --patch fix.patch --cluster E0308")
        {
            patch,
            cluster,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var config = globals.LoadConfig(parseResult, host);
            await using var locked = await LockedJournal.OpenAsync(config, host, "verify", cancellationToken);

            var progress = new Progress<string>(stage => host.Error.WriteLine($"verify: {stage}"));
            var result = await new PatchVerifier(config, locked.Journal, locked.Runner)
                .VerifyAsync(host.ResolvePath(parseResult.GetRequiredValue(patch)), parseResult.GetValue(cluster), progress, cancellationToken);

            if (parseResult.GetValue(globals.Json))
            {
                await host.Out.WriteLineAsync(VerdictJson.Serialize(result.Verdict));
            }
            else
            {
                Render(ResultConsoleFor(host), result, locked.Runner.Sandbox);
            }

            return result.Verdict.IsAccepted ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static IAnsiConsole ResultConsoleFor(CliHost host) => Rendering.ResultConsole.Create(host);

    private static void Render(IAnsiConsole console, PatchVerification result, Sandbox sandbox)
    {
        var verdict = result.Verdict;
        console.MarkupLine(verdict.IsAccepted ? "[green]accepted[/]" : "[red]rejected[/]");
        console.WriteLine(verdict.Summary);
        console.WriteLine(verdict.Figures.ToTrailer());
        foreach (var reason in verdict.Reasons)
        {
            console.WriteLine($"  - {reason.Message}");
        }

        console.WriteLine($"sandbox: {sandbox.Description}");
    }
}
