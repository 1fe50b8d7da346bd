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
    /// Brings the attempt worktree at <paramref name="path"/> back to <paramref name="commit"/> exactly, in time proportional to
    /// what changed: <c>reset --hard</c> restores the index and the tracked files, a first <c>clean</c> removes every untracked
    /// file (in kept folders too), a second removes what the repository ignores except the folders matching
    /// <paramref name="keep"/> (build outputs, so the next build is incremental). Returns true only when the worktree is then
    /// proven clean: HEAD detached at the commit and <c>status</c> showing nothing. False, without touching anything, when
    /// the folder is not a worktree of its own or its HEAD names a branch (a reset would move it); false too when git fails (a lock a kill left behind). The caller
    /// recreates a worktree it cannot prove clean.
    /// </summary>
    public async Task<bool> ResetWorktreeAsync(string path, string commit, IReadOnlyList<string> keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keep);
        try
        {
            // A folder that lost its .git file would let git find the user's repository above it: prove it is its own top first.
            var top = await RunAsync(new GitCall(["rev-parse", "--show-cdup"]) { WorkingDirectory = path }, cancellationToken).ConfigureAwait(false);
            if (!top.Succeeded || top.StandardOutput.Trim().Length > 0)
            {
                return false;
            }

            var onBranch = await RunAsync(new GitCall(["symbolic-ref", "--quiet", "HEAD"]) { WorkingDirectory = path }, cancellationToken)
                .ConfigureAwait(false);
            if (onBranch.Succeeded)
            {
                return false;
            }

            await RunCheckedAsync(new GitCall(["reset", "--hard", "--quiet", commit]) { WorkingDirectory = path }, cancellationToken)
                .ConfigureAwait(false);
            await RunCheckedAsync(new GitCall(["clean", "-d", "-f", "-f", "-q"]) { WorkingDirectory = path }, cancellationToken)
                .ConfigureAwait(false);
            await RunCheckedAsync(
                new GitCall(["clean", "-d", "-f", "-f", "-x", "-q", .. keep.Select(pattern => $"--exclude={pattern}")]) { WorkingDirectory = path },
                cancellationToken).ConfigureAwait(false);
            var head = await RunCheckedAsync(new GitCall(["rev-parse", "HEAD"]) { WorkingDirectory = path }, cancellationToken).ConfigureAwait(false);
            var status = await RunCheckedAsync(
                new GitCall(["status", "--porcelain", "--untracked-files=all", "--ignore-submodules=none"]) { WorkingDirectory = path },
                cancellationToken).ConfigureAwait(false);
            return head.Trim() == commit && status.Length == 0;
        }
        catch (GitException)
        {
            return false;
        }
    }

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
