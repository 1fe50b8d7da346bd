using System.Globalization;
using Nightshift.Execution;

namespace Nightshift.Git;

/// <summary>
/// <c>git apply</c> in one folder an agent works in (an attempt's worktree, a bench or koan workspace, any folder
/// a test hands the agent), for the agent's apply_patch tool and the replay agent. It runs the way every git
/// command of the git layer runs (the fixed settings: no hooks, no fsmonitor; no inherited <c>GIT_DIR</c> or
/// index; C locale), and its guard allows nothing but <c>git apply</c> of a patch read from standard input into
/// the folder's files. <c>GIT_CEILING_DIRECTORIES</c> keeps git from climbing above the folder to a repository
/// it happens to sit in, so the patch's paths are always relative to the folder.
/// </summary>
public sealed class WorktreePatcher
{
    private static readonly TimeSpan _gracePeriod = TimeSpan.FromSeconds(2);
    private static readonly string[] _allowedOptions = ["--numstat", "-z", "--whitespace=nowarn"];

    private readonly ProcessRunner _runner;
    private readonly GitOptions _options;

    public WorktreePatcher(string directory, ProcessRunner runner, GitOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(runner);
        Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        _runner = runner;
        _options = options ?? GitOptions.Default;
    }

    /// <summary>The folder whose files the patches change.</summary>
    public string Directory { get; }

    /// <summary>What <c>git apply --numstat -z</c> reads from <paramref name="patch"/>: its paths, without changing anything.</summary>
    public Task<CommandResult> NumstatAsync(string patch, CancellationToken cancellationToken) =>
        RunAsync(patch, ["--numstat", "-z"], cancellationToken);

    /// <summary>Applies <paramref name="patch"/> whole, or changes nothing (git apply's own rule).</summary>
    public Task<CommandResult> ApplyAsync(string patch, CancellationToken cancellationToken) =>
        RunAsync(patch, ["--whitespace=nowarn"], cancellationToken);

    /// <summary>Why <paramref name="arguments"/> may not run here, or null: only <c>git apply [options] -</c>.</summary>
    internal static string? Why(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0 || arguments[0] != "apply")
        {
            return "in an agent's folder Nightshift runs git apply only";
        }

        var command = GitCommandShape.Of(arguments);
        return command.OnlyOptions(_allowedOptions)
            ?? (command.Positionals is ["-"] && !arguments.Contains("--") ? null : "git apply reads the patch from standard input only");
    }

    private async Task<CommandResult> RunAsync(string patch, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        string[] arguments = ["apply", .. options, "-"];
        if (Why(arguments) is { } reason)
        {
            throw new UnsafeGitCommandException(string.Join(' ', arguments.Prepend("git")), reason);
        }

        var environment = GitRepository.FixedEnvironment(indexFile: null);
        environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Directory) ?? Directory;
        var spec = new CommandSpec(_options.Executable, [.. GitRepository.FixedSettings, .. arguments])
        {
            WorkingDirectory = Directory,
            Environment = environment,
            StandardInput = patch,
            Timeout = _options.CommandTimeout,
            GracePeriod = _gracePeriod,
        };
        var result = await _runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        if (result.StopCause == StopCause.Canceled)
        {
            throw new OperationCanceledException("git apply was canceled.", cancellationToken);
        }

        return result.WasKilled
            ? throw new GitException(
                $"git apply did not finish within {_options.CommandTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s in {Directory} and was stopped.",
                result,
                isFatal: false)
            : result;
    }
}
