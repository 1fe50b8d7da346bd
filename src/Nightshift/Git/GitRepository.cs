using System.Globalization;
using Nightshift.Execution;

namespace Nightshift.Git;

/// <summary>
/// The one place where Nightshift runs git, so that its safety rules are written once. Every command passes
/// <see cref="GitGuard"/> (an allow-list that makes forcing, resets, checkouts, stashes and writes to the
/// user's index impossible), runs with a timeout, an argument array and a fixed environment (no prompts, no
/// pager, no hooks, C locale for parseable output), and waits for or clears <c>*.lock</c> files.
/// </summary>
/// <remarks>
/// The user's checkout is sacred: nothing here writes the user's branch, index, stash or working files.
/// Nightshift writes only objects, the session branch (compare-and-swap), its own worktrees under
/// <c>.nightshift/worktrees</c> and scratch files under <c>.nightshift/tmp</c>. Methods split by concern
/// into partial files: refs, trees and commits, changes, worktrees, history, remote.
/// Needs git 2.25 or newer (Ubuntu 20.04 and later); tested with 2.39.
/// </remarks>
public sealed partial class GitRepository
{
    // Per command, not in the user's config: hooks would run unattended (post-checkout on every worktree, pre-push),
    // and the verifier replaces them; an fsmonitor daemon or an automatic gc would outlive the command and
    // touch the user's repository in the middle of the night; colour and pagers break parsing.
    internal static readonly string[] FixedSettings =
    [
        "-c", "core.hooksPath=/dev/null",
        "-c", "core.fsmonitor=false",
        "-c", "core.pager=cat",
        "-c", "gc.auto=0",
        "-c", "maintenance.auto=false",
        "-c", "color.ui=false",
        "-c", "advice.detachedHead=false",
        "-c", "commit.gpgSign=false",
    ];

    // Inherited from a hook or a wrapper script, these would point git at another repository or index.
    private static readonly string[] _repositoryVariables =
        ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX", "GIT_NAMESPACE", "GIT_OBJECT_DIRECTORY"];

    private static readonly TimeSpan _gracePeriod = TimeSpan.FromSeconds(2);

    private readonly ProcessRunner _runner = new();
    private readonly GitLocks _locks;
    private IReadOnlyDictionary<string, string?>? _identity;

    private GitRepository(GitPaths paths, GitOptions options, Action<GitEvent>? onEvent)
    {
        Paths = paths;
        Options = options;
        OnEvent = onEvent;
        _locks = new GitLocks(paths, options, onEvent, RepositoryFoldersAsync);
    }

    public GitPaths Paths { get; }

    public GitOptions Options { get; }

    /// <summary>Where events go (lock waits and removals here; workspaces and the lander report through it too).</summary>
    public Action<GitEvent>? OnEvent { get; }

    public string RepositoryRoot => Paths.RepositoryRoot;

    /// <summary>Opens the repository whose checkout contains <paramref name="directory"/>.</summary>
    /// <exception cref="NightshiftException"><paramref name="directory"/> is not inside a git checkout.</exception>
    public static async Task<GitRepository> OpenAsync(
        string directory, GitOptions? options = null, Action<GitEvent>? onEvent = null, CancellationToken cancellationToken = default)
    {
        options ??= GitOptions.Default;
        var spec = new CommandSpec(
            options.Executable,
            ["rev-parse", "--show-toplevel", "--absolute-git-dir", "--git-common-dir"])
        {
            WorkingDirectory = Path.GetFullPath(directory),
            Environment = FixedEnvironment(indexFile: null),
            Timeout = options.CommandTimeout,
            GracePeriod = _gracePeriod,
        };
        var result = await new ProcessRunner().RunAsync(spec, cancellationToken).ConfigureAwait(false);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (!result.Succeeded || lines.Length != 3)
        {
            throw new NightshiftException(
                $"{Path.GetFullPath(directory)} is not inside a git checkout ({result.StandardError.Trim()}): "
                + "run nightshift in the working tree of a git repository with at least one commit.");
        }

        // --git-common-dir may be relative to where git ran (--path-format=absolute would need git 2.31).
        var common = Path.TrimEndingDirectorySeparator(Path.GetFullPath(lines[2], spec.WorkingDirectory));
        return new GitRepository(new GitPaths(lines[0], lines[1], common), options, onEvent);
    }


    /// <summary>Runs a command after the guard, retrying while a lock blocks it. A non-zero exit is returned, not thrown.</summary>
    /// <exception cref="UnsafeGitCommandException">The guard refused the command; it did not run.</exception>
    /// <exception cref="GitException">It timed out, or a lock blocked it for longer than <see cref="GitOptions.LockWait"/>.</exception>
    internal async Task<CommandResult> RunAsync(GitCall call, CancellationToken cancellationToken)
    {
        GitGuard.Check(call, Paths);
        await CheckRepositoryRulesAsync(call, cancellationToken).ConfigureAwait(false);
        var waiting = new GitLocks.Waiting();
        while (true)
        {
            var result = await RunOnceAsync(call, cancellationToken).ConfigureAwait(false);
            if (GitLocks.BlockingLock(result) is not { } lockPath)
            {
                return result;
            }

            await _locks.WaitOrClearAsync(lockPath, waiting, call, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>As <see cref="RunAsync"/>, and a non-zero exit throws; returns standard output.</summary>
    internal async Task<string> RunCheckedAsync(GitCall call, CancellationToken cancellationToken)
    {
        var result = await RunAsync(call, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : throw Failure(call, result);
    }

    internal GitException Failure(GitCall call, CommandResult result, string? expected = null) => new(
        $"`{call.Display}` failed with exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)} in "
        + $"{call.WorkingDirectory ?? RepositoryRoot}{(expected is null ? "" : $" ({expected})")}: {Tail(result.StandardError)}",
        result);

    private async Task<CommandResult> RunOnceAsync(GitCall call, CancellationToken cancellationToken)
    {
        var timeout = call.UsesNetwork ? Options.NetworkTimeout : Options.CommandTimeout;
        var environment = new Dictionary<string, string?>(FixedEnvironment(call.IndexFile), StringComparer.Ordinal);
        foreach (var (name, value) in call.Environment)
        {
            environment[name] = value;
        }

        var spec = new CommandSpec(Options.Executable, [.. FixedSettings, .. call.Arguments])
        {
            WorkingDirectory = Path.GetFullPath(call.WorkingDirectory ?? RepositoryRoot, RepositoryRoot),
            Environment = environment,
            Timeout = timeout,
            GracePeriod = _gracePeriod,
            StandardInput = call.StandardInput,
        };
        var result = await _runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        if (result.StopCause == StopCause.Canceled)
        {
            throw new OperationCanceledException($"`{call.Display}` was canceled.", cancellationToken);
        }

        if (result.WasKilled)
        {
            throw new GitException(
                $"`{call.Display}` did not finish within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s in "
                + $"{spec.WorkingDirectory} and was stopped: check the disk, the network, or a slow filter, then resume.",
                result,
                isFatal: false);
        }

        return result;
    }

    /// <summary>The environment of every git command: no prompts, no pager, C locale, no inherited repository variables.</summary>
    internal static Dictionary<string, string?> FixedEnvironment(string? indexFile)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_PAGER"] = "cat",
            ["PAGER"] = "cat",
            ["GIT_EDITOR"] = "true",
            ["LC_ALL"] = "C",
            ["LANGUAGE"] = null,
            // Stops commands like status from refreshing the user's index in passing.
            ["GIT_OPTIONAL_LOCKS"] = "0",
        };
        foreach (var name in _repositoryVariables)
        {
            environment[name] = null;
        }

        environment["GIT_INDEX_FILE"] = indexFile;
        return environment;
    }

    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 2_000 ? trimmed : "..." + trimmed[^2_000..];
    }
}
