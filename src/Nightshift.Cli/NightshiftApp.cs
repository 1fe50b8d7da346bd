using System.CommandLine;
using Nightshift.Cli.Commands;

namespace Nightshift.Cli;

/// <summary>The composition root of the <c>nightshift</c> command: every command is wired here.</summary>
internal static class NightshiftApp
{
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Nightshift runs AI coding agents unattended overnight and lands only what it has verified.");
        globals.AddTo(root);

        foreach (var command in CreateCommands(globals, host))
        {
            root.Add(command);
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await host.Error.WriteLineAsync($"nightshift: {error.Message}");
            }

            await host.Error.WriteLineAsync("Run 'nightshift --help' for usage.");
            return ExitCodes.UsageOrConfig;
        }

        var invocation = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            // Our commands handle SIGINT/SIGTERM themselves where they run long.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (NightshiftException e)
        {
            await host.Error.WriteLineAsync($"nightshift: {e.Message}");
            return e.ExitCode;
        }
    }

    private static IEnumerable<Command> CreateCommands(GlobalOptions globals, CliHost host)
    {
        yield return InitCommand.Create(globals, host);
        yield return ConfigCommand.Create(globals, host);
    }
}
