using System.Globalization;
using System.Text.RegularExpressions;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Git;

namespace Nightshift.Workspaces;

/// <summary>
/// Leases, provisions and releases the attempts' worktrees under <c>.nightshift/worktrees</c> (one per worker, reused, or a
/// fresh one removed afterwards), and at start removes the fresh ones a crashed run left behind. The user's checkout is never touched: a worktree has its own index and files, and
/// <c>.nightshift/</c> is ignored through its own <c>.gitignore</c>.
/// </summary>
public sealed partial class WorkspaceManager(GitRepository repository, WorkspaceOptions? options = null)
{
    private readonly WorkspaceOptions _options = options ?? new WorkspaceOptions();
    private readonly ProcessRunner _runner = new();
    private readonly HashSet<int> _leased = [];
    private readonly HashSet<int> _registered = [];

    /// <summary>The folder holding the workers' worktrees and any fresh one per running attempt.</summary>
    public string Root => repository.Paths.State.Worktrees;

    /// <summary>The repository's <c>.nightshift/</c> paths.</summary>
    public NightshiftPaths Paths => repository.Paths.State;

    /// <summary>
    /// A worktree at <paramref name="baseCommit"/>, provisioned (the configured files copied in, the setup command run) and
    /// ready for an agent. With <see cref="WorkspaceOptions.Reuse"/> (the default) the worker's own worktree
    /// (<c>.nightshift/worktrees/worker-N</c>) is leased: created once and kept across attempts and sessions, reset to the
    /// commit before each lease and proven clean, else recreated (<see cref="GitRepository.ResetWorktreeAsync"/>); build
    /// outputs matching <see cref="WorkspaceOptions.Keep"/> survive the reset. While the worker's worktree is leased (the
    /// verifier's second checkout, a landing's replay), and without reuse, a fresh worktree is checked out at
    /// <c>.nightshift/worktrees/&lt;attemptId&gt;</c> and removed when disposed. On any failure the worktree is released again.
    /// </summary>
    /// <param name="attemptId">Names the attempt (and a fresh worktree's folder): letters, digits, '.', '_' and '-'.</param>
    /// <param name="baseCommit">Usually the session branch tip: a full commit id.</param>
    /// <param name="worker">The worker slot (0, 1, ...): selects its worktree and per-worker folders such as the cargo target directory.</param>
    /// <param name="cancellationToken">Stops git and the setup command.</param>
    /// <exception cref="WorkspaceSetupException">The setup command failed or timed out.</exception>
    public async Task<Workspace> CreateAsync(string attemptId, string baseCommit, int worker, CancellationToken cancellationToken)
    {
        if (!AttemptIdPattern().IsMatch(attemptId) || WorkerFolderPattern().IsMatch(attemptId))
        {
            throw new ArgumentException($"'{attemptId}' cannot name a worktree folder.", nameof(attemptId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(worker);
        // Resolved in the user's repository (inside a worktree, HEAD would name the worktree's own); an attempt's base is
        // already a full commit id, which needs no git call.
        if (!GitRepository.IsFullObjectName(baseCommit))
        {
            baseCommit = await repository.TryResolveCommitAsync(baseCommit, cancellationToken).ConfigureAwait(false)
                ?? throw new NightshiftException($"'{baseCommit}' names no commit of {repository.RepositoryRoot}.");
        }

        var leased = _options.Reuse && TryLease(worker);
        string path;
        try
        {
            path = leased
                ? await CheckOutWorkerAsync(worker, baseCommit, cancellationToken).ConfigureAwait(false)
                : await CheckOutFreshAsync(attemptId, baseCommit, cancellationToken).ConfigureAwait(false);
        }
        catch when (leased)
        {
            Release(worker);
            throw;
        }

        var (environment, buildOutputs) = EnvironmentFor(worker);
        var workspace = new Workspace(
            repository, attemptId, path, baseCommit, worker, environment, buildOutputs, Provision(path), leased ? () => Release(worker) : null);
        try
        {
            await RunSetupAsync(workspace, cancellationToken).ConfigureAwait(false);
            return workspace;
        }
        catch
        {
            await workspace.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The folder of a worker's own worktree.</summary>
    public string WorkerFolder(int worker) => Path.Combine(Root, string.Create(CultureInfo.InvariantCulture, $"worker-{worker}"));

    private async Task<string> CheckOutFreshAsync(string attemptId, string baseCommit, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, attemptId);
        if (Directory.Exists(path))
        {
            throw new InvalidOperationException($"The worktree {path} exists already; attempt ids must be unique.");
        }

        await repository.AddWorktreeAsync(path, baseCommit, cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>
    /// The worker's worktree reset to <paramref name="baseCommit"/>; created when it does not exist, recreated when it cannot
    /// be proven clean (a branch checked out in it, a lock a kill left, a folder git no longer knows).
    /// </summary>
    private async Task<string> CheckOutWorkerAsync(int worker, string baseCommit, CancellationToken cancellationToken)
    {
        var path = WorkerFolder(worker);
        // Once a lease of this manager found or made it, git's record is taken as known: a folder removed since then fails
        // the reset's own checks, and the removal below copes with a missing folder.
        var known = IsRegistered(worker) || (await repository.ListWorktreesAsync(cancellationToken).ConfigureAwait(false))
            .Any(w => GitPaths.IsWithin(w.Path, path) && GitPaths.IsWithin(path, w.Path));
        if (known && Directory.Exists(path))
        {
            if (await repository.ResetWorktreeAsync(path, baseCommit, _options.Keep, cancellationToken).ConfigureAwait(false))
            {
                Registered(worker);
                return path;
            }

            repository.OnEvent?.Invoke(new GitEvent.WorktreeRecreated(path, "it could not be proven clean after the reset"));
        }

        if (known)
        {
            await WorkspaceFolders.RemoveWorktreeAsync(repository, path, cancellationToken).ConfigureAwait(false);
        }

        WorkspaceFolders.Delete(path);
        await repository.AddWorktreeAsync(path, baseCommit, cancellationToken).ConfigureAwait(false);
        Registered(worker);
        return path;
    }

    private bool IsRegistered(int worker)
    {
        lock (_leased)
        {
            return _registered.Contains(worker);
        }
    }

    private void Registered(int worker)
    {
        lock (_leased)
        {
            _registered.Add(worker);
        }
    }

    private bool TryLease(int worker)
    {
        lock (_leased)
        {
            return _leased.Add(worker);
        }
    }

    private void Release(int worker)
    {
        lock (_leased)
        {
            _leased.Remove(worker);
        }
    }

    /// <summary>
    /// Removes every worktree under <see cref="Root"/> whose attempt is not in <paramref name="liveAttemptIds"/>: the worktrees
    /// of a run that was killed, their records in the git directory, and folders git no longer knows. Returns their paths.
    /// The workers' own worktrees stay: the next lease resets them, or recreates one it cannot prove clean.
    /// </summary>
    public async Task<IReadOnlyList<string>> PruneStaleAsync(IReadOnlyCollection<string> liveAttemptIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(liveAttemptIds);
        bool IsStale(string path) => repository.Paths.IsInAttemptWorktree(path) && !liveAttemptIds.Contains(Path.GetFileName(path))
            && !WorkerFolderPattern().IsMatch(Path.GetFileName(path));

        var removed = new List<string>();
        foreach (var worktree in await repository.ListWorktreesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (IsStale(worktree.Path) && await WorkspaceFolders.RemoveWorktreeAsync(repository, worktree.Path, cancellationToken).ConfigureAwait(false))
            {
                removed.Add(worktree.Path);
            }
        }

        var leftovers = Directory.Exists(Root) ? Directory.GetDirectories(Root) : [];
        foreach (var folder in leftovers.Where(IsStale).Where(folder => !removed.Contains(folder)))
        {
            WorkspaceFolders.Delete(folder);
            removed.Add(folder);
        }

        foreach (var path in removed)
        {
            repository.OnEvent?.Invoke(new GitEvent.StaleWorktreeRemoved(path));
        }

        return removed;
    }

    /// <summary>
    /// The worker's variables, and the folders among them that builds write: CARGO_TARGET_DIR, and every value written
    /// with <c>{nightshift}</c> (a folder Nightshift keeps for the worker), which the sandbox leaves writable.
    /// </summary>
    private (Dictionary<string, string?> Environment, List<string> BuildOutputs) EnvironmentFor(int worker)
    {
        var nightshift = repository.Paths.State.Root;
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["CARGO_TARGET_DIR"] = repository.Paths.State.BuildOutputsOf(worker),
        };
        var ownFolders = new HashSet<string>(StringComparer.Ordinal) { "CARGO_TARGET_DIR" };
        foreach (var (name, value) in _options.Environment)
        {
            environment[name] = value
                .Replace("{worker}", worker.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{nightshift}", nightshift, StringComparison.Ordinal);
            if (value.Contains("{nightshift}", StringComparison.Ordinal))
            {
                ownFolders.Add(name);
            }
            else
            {
                ownFolders.Remove(name);
            }
        }

        var buildOutputs = ownFolders.Select(name => environment[name]).OfType<string>()
            .Where(folder => Path.IsPathRooted(folder) && GitPaths.IsWithin(folder, nightshift)).ToList();
        return (environment, buildOutputs);
    }

    private List<string> Provision(string worktree)
    {
        var copied = new List<string>();
        foreach (var relative in _options.CopyFiles)
        {
            var normalized = Path.TrimEndingDirectorySeparator(relative.Replace('\\', '/'));
            var source = Path.GetFullPath(Path.Combine(repository.RepositoryRoot, normalized));
            if (Path.IsPathRooted(normalized) || !GitPaths.IsWithin(source, repository.RepositoryRoot) || source == repository.RepositoryRoot)
            {
                throw new NightshiftException($"The file to copy into worktrees '{relative}' must be a path inside the repository.");
            }

            if (File.Exists(source) || Directory.Exists(source))
            {
                WorkspaceFolders.Copy(source, Path.Combine(worktree, normalized));
                copied.Add(normalized);
            }
        }

        return copied;
    }

    private async Task RunSetupAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        if (_options.SetupCommand is not { Count: > 0 } command)
        {
            return;
        }

        var spec = new CommandSpec(command[0], command.Skip(1).ToList())
        {
            WorkingDirectory = workspace.Path,
            Environment = workspace.Environment,
            Timeout = _options.SetupTimeout,
        };
        var result = await _runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var why = result.WasKilled ? $"was stopped ({result.StopCause})" : $"exited with {result.ExitCode.ToString(CultureInfo.InvariantCulture)}";
            var output = result.StandardError.Trim() is { Length: > 0 } error ? error : result.StandardOutput.Trim();
            output = output.Length > 2_000 ? "..." + output[^2_000..] : output;
            throw new WorkspaceSetupException($"The worktree setup command `{result.CommandLine}` {why} in {workspace.Path}: {output}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex AttemptIdPattern();

    [GeneratedRegex("^worker-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkerFolderPattern();
}
