using System.CommandLine;
using System.Diagnostics;
using Nightshift.Cli;

namespace Nightshift.Tests.Support;

/// <summary>Runs the nightshift CLI: in-process (fast, for most CLI tests) or as a real subprocess.</summary>
public static class CliRun
{
    /// <summary>Runs <c>nightshift args</c> in this process with captured stdout/stderr and no terminal.</summary>
    public static Task<CliRunResult> InProcessAsync(
        string workingDirectory, string[] args, CancellationToken cancellationToken = default) =>
        InProcessAsync(workingDirectory, args, configure: null, cancellationToken);

    /// <summary>
    /// As <see cref="InProcessAsync(string, string[], CancellationToken)"/>, after <paramref name="configure"/>
    /// has had its way with the root command (e.g. added a test-only command).
    /// </summary>
    internal static async Task<CliRunResult> InProcessAsync(
        string workingDirectory, string[] args, Action<RootCommand>? configure, CancellationToken cancellationToken = default)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(workingDirectory, stdout, stderr, Interactive: false);
        var root = NightshiftApp.CreateRootCommand(host);
        configure?.Invoke(root);

        var exitCode = await NightshiftApp.InvokeAsync(root, args, host, cancellationToken);
        return new CliRunResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs <c>dotnet Nightshift.Cli.dll args</c> as a real process in <paramref name="workingDirectory"/>,
    /// with <paramref name="environment"/> added to (or, for null values, removed from) the inherited one.
    /// </summary>
    public static async Task<CliRunResult> SubprocessAsync(
        string workingDirectory,
        string[] args,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        using var process = Start(workingDirectory, args, environment);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            return new CliRunResult(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>
    /// Starts <c>dotnet Nightshift.Cli.dll args</c> as a real process with stdin, stdout and stderr redirected, for tests
    /// that signal it or read it while it runs.
    /// </summary>
    public static Process Start(string workingDirectory, string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Binaries.CliAssembly);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {DotnetHost} {Binaries.CliAssembly}.");
    }

    // `dotnet test` tells its children where the host is; a plain `dotnet` on PATH is the fallback.
    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
