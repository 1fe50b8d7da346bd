namespace Nightshift.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Checks out <paramref name="commit"/> detached at <paramref name="path"/> (under <c>.nightshift/worktrees</c>). Detached,
    /// because a branch can be checked out in one worktree only and the session branch must stay free to move.
    /// </summary>
    public async Task AddWorktreeAsync(string path, string commit, CancellationToken cancellationToken)
    {
        Paths.State.EnsureCreated();
        await RunCheckedAsync(GitCall.Of("worktree", "add", "--detach", "--quiet", path, commit), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the attempt worktree at <paramref name="path"/> with everything in it, and its record in the git directory;
    /// also when its folder is already gone. The guard allows --force here only for Nightshift's own worktrees.
    /// </summary>
    public async Task RemoveWorktreeAsync(string path, CancellationToken cancellationToken) =>
        await RunCheckedAsync(GitCall.Of("worktree", "remove", "--force", path), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Applies the patch file <paramref name="patchFile"/> in the attempt worktree <paramref name="worktree"/>, falling back to a
    /// three-way merge where the context moved. Returns null when it applied, else what git said (conflicts stay marked in the files).
    /// </summary>
    public async Task<string?> ApplyInWorktreeAsync(string worktree, string patchFile, CancellationToken cancellationToken)
    {
        var result = await RunAsync(new GitCall(["apply", "--3way", "--whitespace=nowarn", patchFile]) { WorkingDirectory = worktree }, cancellationToken)
            .ConfigureAwait(false);
        return result.Succeeded ? null : (result.StandardError.Trim() is { Length: > 0 } error ? error : $"git apply exited with {result.ExitCode}");
    }
}
