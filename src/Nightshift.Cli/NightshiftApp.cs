using System.CommandLine;
using Nightshift.Agents;
using Nightshift.Cli.Commands;
using Nightshift.Configuration;

namespace Nightshift.Cli;

/// <summary>The composition root of the <c>nightshift</c> command: every command is wired here.</summary>
internal static class NightshiftApp
{
    public static Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default) =>
        InvokeAsync(CreateRootCommand(host), args, host, cancellationToken);

    /// <summary>The root command with every command wired (tests read its subcommands).</summary>
    public static RootCommand CreateRootCommand(CliHost host)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Nightshift runs AI coding agents unattended overnight and lands only what it has verified.");
        globals.AddTo(root);

        foreach (var command in CreateCommands(globals, host))
        {
            root.Add(command);
        }

        // A bare `nightshift` is a usage error, but the most helpful answer to it is the help itself:
        // on stderr, so that a script capturing stdout does not mistake it for a result.
        root.SetAction(parseResult =>
        {
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = host.Error });
            return ExitCodes.UsageOrConfig;
        });
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/> against <paramref name="root"/>, mapping errors to exit codes.</summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, CliHost host, CancellationToken cancellationToken)
    {
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file system that refuses (read-only, full, a file where a folder belongs) ends the command with
            // what .NET says, which names the path, rather than with a stack trace and exit 134.
            await host.Error.WriteLineAsync(
                $"nightshift: {e.Message} Check that the path exists, is writable and that its disk has free space, then run the command again.");
            return ExitCodes.Failed;
        }
    }

    private static IEnumerable<Command> CreateCommands(GlobalOptions globals, CliHost host)
    {
        yield return InitCommand.Create(globals, host);
        yield return ConfigCommand.Create(globals, host);
        yield return DoctorCommand.Create(globals, host);
        yield return BaselineCommand.Create(globals, host);
        yield return DiffCommand.Create(globals, host);
        yield return VerifyCommand.Create(globals, host);
        yield return RunCommand.Create(globals, host, NightAgents);
        yield return DemoCommand.Create(globals, host, NightAgents);
        yield return StatusCommand.Create(globals, host);
        yield return WatchCommand.Create(globals, host);
        yield return ReportCommand.Create(globals, host);
        yield return PullRequestCommand.Create(globals, host);
        yield return ReviewCommand.Create(globals, host);
        yield return BenchCommand.Create(globals, host);
        yield return KoansCommand.Create(globals, host);
        yield return EpisodesCommand.Create(globals, host);
        yield return DatasetCommand.Create(globals, host);
        yield return EvalCommand.Create(globals, host);
        yield return LearnCommand.Create(globals, host, NightAgents);
        yield return AdaptersCommand.Create(globals, host);
        yield return CrashWatchCommand.Create(globals, host);
        yield return CrashCommand.Create(globals, host);
    }

    // The composition root of a night's agents: every rung of agent.ladder, sharing one endpoint gate that pauses the
    // night while a model endpoint is down.
    private static (Ladder Ladder, Func<CancellationToken, Task>? WaitForEndpoint) NightAgents(NightshiftConfig config)
    {
        var factory = new AgentFactory(config);
        return (factory.CreateLadder(attemptsPerRung: 1), factory.Endpoint.WaitUntilUpAsync);
    }
}
