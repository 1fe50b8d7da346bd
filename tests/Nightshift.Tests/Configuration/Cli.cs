using Nightshift.Cli;

namespace Nightshift.Tests.Configuration;

/// <summary>Runs the nightshift CLI in-process in a directory and captures what it printed.</summary>
internal static class Cli
{
    public static async Task<CliRun> RunAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost(workingDirectory, output, error, Interactive: false);

        var exitCode = await NightshiftApp.RunAsync(args, host);

        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Out, string Error);
