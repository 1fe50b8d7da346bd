using Nightshift.Execution.Sandboxing;
using Nightshift.Git;

namespace Nightshift.Workspaces;

/// <summary>
/// One attempt's git worktree: a detached checkout of the session branch tip under <c>.nightshift/worktrees/</c> (the
/// worker's own, <c>worker-N</c>, or a fresh <c>&lt;attempt-id&gt;</c>), provisioned and ready for an agent. Disposing
/// hands the worker's back or removes the fresh one.
/// </summary>
public sealed class Workspace : IAsyncDisposable
{
    private readonly GitRepository _repository;
    private readonly Action? _release;
    private bool _removed;

    internal Workspace(
        GitRepository repository,
        string attemptId,
        string path,
        string baseCommit,
        int worker,
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyList<string> buildOutputs,
        IReadOnlyList<string> provisionedFiles,
        Action? release = null)
    {
        _repository = repository;
        _release = release;
        AttemptId = attemptId;
        Path = path;
        BaseCommit = baseCommit;
        Worker = worker;
        Environment = environment;
        BuildOutputs = buildOutputs;
        ProvisionedFiles = provisionedFiles;
    }

    public string AttemptId { get; }

    /// <summary>The worktree's folder: where the agent, the setup command and the verifier run.</summary>
    public string Path { get; }

    /// <summary>The commit the worktree was checked out at (the session branch tip at the time).</summary>
    public string BaseCommit { get; }

    public int Worker { get; }

    /// <summary>Variables to pass to every command run for this attempt (e.g. CARGO_TARGET_DIR).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Folders outside the worktree that its builds write (the worker's CARGO_TARGET_DIR, <c>{nightshift}</c> folders of <c>workspace.env</c>).</summary>
    public IReadOnlyList<string> BuildOutputs { get; }

    /// <summary>Where a command run for this attempt may write: the worktree and its build outputs.</summary>
    public Confinement Confinement => Confinement.Of([Path, .. BuildOutputs]);

    /// <summary>The copied files and folders (relative paths) that the capture leaves out.</summary>
    public IReadOnlyList<string> ProvisionedFiles { get; }

    /// <summary>
    /// Stages everything in the worktree with the worktree's own index (never the user's), provisioned files excluded, and
    /// returns the change against <see cref="BaseCommit"/>. Commits an agent made inside the worktree are included.
    /// </summary>
    public async Task<CapturedChange> CaptureAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_removed, this);
        var tree = await _repository.StageWorktreeAsync(Path, ProvisionedFiles, cancellationToken).ConfigureAwait(false);
        var changed = await _repository.ChangedPathsAsync(BaseCommit, tree, cancellationToken).ConfigureAwait(false);
        using var patch = ScratchFile.Create(_repository, "patch");
        await _repository.WriteDiffAsync(BaseCommit, tree, patch.Path, cancellationToken).ConfigureAwait(false);
        var text = await File.ReadAllTextAsync(patch.Path, cancellationToken).ConfigureAwait(false);
        return new CapturedChange(BaseCommit, tree, text, changed);
    }

    /// <summary>Applies the change from <paramref name="from"/> to <paramref name="to"/> here (three-way); null when it applied, else git's complaint.</summary>
    public async Task<string?> ApplyAsync(string from, string to, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_removed, this);
        using var patch = ScratchFile.Create(_repository, "patch");
        await _repository.WriteDiffAsync(from, to, patch.Path, cancellationToken).ConfigureAwait(false);
        return await _repository.ApplyInWorktreeAsync(Path, patch.Path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A worker's own worktree, kept after this attempt and reset before the next; false for a fresh one removed afterwards.</summary>
    public bool IsReused => _release is not null;

    /// <summary>
    /// Ends this attempt's use of the worktree: a worker's own is handed back as it is (the next lease resets it); a fresh one
    /// is removed with its record. When git cannot remove it, the folder is deleted and the next start prunes the record.
    /// </summary>
    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        if (_removed)
        {
            return;
        }

        _removed = true;
        if (_release is { } release)
        {
            release();
            return;
        }

        await WorkspaceFolders.RemoveWorktreeAsync(_repository, Path, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await RemoveAsync(CancellationToken.None).ConfigureAwait(false);
}
