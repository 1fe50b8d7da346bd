using Nightshift.Execution;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// The few git commands a bench needs on its own throwaway workspaces, through the process runner. Failures
/// are infrastructure errors: these repositories are ours, so a failing git is a broken sandbox.
/// </summary>
internal sealed class BenchGit(ProcessRunner runner)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(5);

    // A fixed identity and no user hooks, signing or templates: the base commit is bookkeeping, not a contribution.
    private static readonly string[] _settings =
    [
        "-c", "user.name=nightshift-bench", "-c", "user.email=bench@nightshift.invalid", "-c", "commit.gpgsign=false",
        "-c", "core.hooksPath=/dev/null", "-c", "core.autocrlf=false", "-c", "core.quotepath=false",
    ];

    private static readonly Dictionary<string, string?> _environment = new()
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
    };

    public async Task<string> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var spec = new CommandSpec("git", [.. _settings, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            Environment = _environment,
            Timeout = _timeout,
        };
        var result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return result.Succeeded
            ? result.StandardOutput
            : throw new BenchInfrastructureException(
                $"git {string.Join(' ', arguments)} in {workingDirectory} failed ({Describe(result)}): {result.StandardError.Trim()}");
    }

    /// <summary>The NUL-separated items of a <c>-z</c> listing.</summary>
    public static IReadOnlyList<string> SplitZ(string output) => output.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    private static string Describe(CommandResult result) => result.StopCause switch
    {
        StopCause.Exited => $"exit code {result.ExitCode}",
        StopCause.TimedOut => $"timed out after {_timeout.TotalMinutes:0} minutes",
        _ => Results.BenchJson.Name(result.StopCause),
    };
}
