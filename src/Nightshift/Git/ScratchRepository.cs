using Nightshift.Execution;

namespace Nightshift.Git;

/// <summary>
/// git on a throwaway repository of Nightshift's own (a bench run's workspace, a koan's, the demo's copy of an example),
/// where there is no user repository to guard: the same fixed settings as <see cref="GitRepository"/> (no hooks,
/// fsmonitor or pager, no inherited <c>GIT_DIR</c>), none of the user's global or system configuration (a diff driver,
/// signing, templates), and a fixed identity, since its commits are bookkeeping rather than contributions.
/// </summary>
public sealed class ScratchRepository(string directory, ProcessRunner runner)
{
    private static readonly TimeSpan _defaultTimeout = TimeSpan.FromMinutes(5);

    private static readonly string[] _scratchSettings =
    [
        "-c", "user.name=nightshift", "-c", "user.email=nightshift@nightshift.invalid",
        "-c", "core.autocrlf=false", "-c", "core.quotepath=false",
    ];

    private static readonly IReadOnlyDictionary<string, string?> _environment = ScratchEnvironment();

    /// <summary>The repository's folder, where every command runs.</summary>
    public string Directory { get; } = directory;

    /// <summary>Runs <c>git arguments</c>; a non-zero exit is returned, not thrown.</summary>
    public Task<CommandResult> TryRunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var spec = new CommandSpec("git", [.. GitRepository.FixedSettings, .. _scratchSettings, .. arguments])
        {
            WorkingDirectory = Directory,
            Environment = _environment,
            Timeout = timeout ?? _defaultTimeout,
        };
        return runner.RunAsync(spec, cancellationToken);
    }

    /// <summary>Runs <c>git arguments</c> and returns its standard output.</summary>
    /// <exception cref="GitException">git failed or was stopped; the message names the command, the folder and what git said.</exception>
    public async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var result = await TryRunAsync(arguments, cancellationToken, timeout).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return result.Succeeded
            ? result.StandardOutput
            : throw new GitException(
                $"git {string.Join(' ', arguments)} failed in {Directory} ({Describe(result)}): {result.StandardError.Trim()}",
                result);
    }

    /// <summary>The NUL-separated items of a <c>-z</c> listing.</summary>
    public static IReadOnlyList<string> SplitZ(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Describe(CommandResult result) => result.StopCause switch
    {
        StopCause.Exited => $"exit code {result.ExitCode}",
        StopCause.TimedOut => $"timed out after {result.Duration.TotalSeconds:0} s",
        var cause => $"stopped ({cause})",
    };

    private static Dictionary<string, string?> ScratchEnvironment()
    {
        var environment = GitRepository.FixedEnvironment(indexFile: null);
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        return environment;
    }
}
