using System.CommandLine;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift init</c>: placeholder until the configuration lands.</summary>
internal static class InitCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var command = new Command("init", "Detect the project's toolchain and write a commented nightshift.yml. Example: nightshift init");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await host.Out.WriteLineAsync("init: not yet");
            return ExitCodes.Failed;
        });
        return command;
    }
}
