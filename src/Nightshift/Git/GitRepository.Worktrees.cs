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
    /// what changed: <c>reset --hard</c> restores the index and the tracked files, <c>clean -x</c> removes every untracked
    /// and ignored file except the folders matching <paramref name="keep"/> (build outputs, so the next build is
    /// incremental); an untracked file the repository does not ignore inside a kept folder is removed by a second
    /// <c>clean</c>. Returns true only when the worktree is then proven clean: <c>status</c> shows HEAD detached at the
    /// commit and nothing else. False, without touching anything, when the folder is not a worktree of its own or its
    /// HEAD names a branch (a reset would move it); false too when git fails (a lock a kill left behind). The caller
    /// recreates a worktree it cannot prove clean. Four git commands in the usual case, each proportional to the tree.
    /// </summary>
    public async Task<bool> ResetWorktreeAsync(string path, string commit, IReadOnlyList<string> keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keep);
        try
        {
            // A folder that lost its .git file would let git find the user's repository above it: prove it is its own top
            // (an empty cdup) and detached (HEAD names itself, not a branch) before anything writes.
            var where = await RunAsync(new GitCall(["rev-parse", "--show-cdup", "--symbolic-full-name", "HEAD"]) { WorkingDirectory = path }, cancellationToken)
                .ConfigureAwait(false);
            if (!where.Succeeded || where.StandardOutput.Split('\n') is not ["", "HEAD", ..])
            {
                return false;
            }

            await RunCheckedAsync(new GitCall(["reset", "--hard", "--quiet", commit]) { WorkingDirectory = path }, cancellationToken)
                .ConfigureAwait(false);
            await RunCheckedAsync(
                new GitCall(["clean", "-d", "-f", "-f", "-x", "-q", .. keep.Select(pattern => $"--exclude={pattern}")]) { WorkingDirectory = path },
                cancellationToken).ConfigureAwait(false);
            var state = await WorktreeStateAsync(path, cancellationToken).ConfigureAwait(false);
            if (state.Untracked && !state.Modified)
            {
                await RunCheckedAsync(new GitCall(["clean", "-d", "-f", "-f", "-q"]) { WorkingDirectory = path }, cancellationToken).ConfigureAwait(false);
                state = await WorktreeStateAsync(path, cancellationToken).ConfigureAwait(false);
            }

            return state is { Detached: true, Untracked: false, Modified: false } && state.Head == commit;
        }
        catch (GitException)
        {
            return false;
        }
    }

    /// <summary>What <c>status --porcelain=v2 --branch</c> says of a worktree: its HEAD, whether detached, and what differs.</summary>
    private async Task<(string? Head, bool Detached, bool Untracked, bool Modified)> WorktreeStateAsync(string path, CancellationToken cancellationToken)
    {
        var status = await RunCheckedAsync(
            new GitCall(["status", "--porcelain=v2", "--branch", "--untracked-files=all", "--ignore-submodules=none"]) { WorkingDirectory = path },
            cancellationToken).ConfigureAwait(false);
        string? head = null;
        var (detached, untracked, modified) = (false, false, false);
        foreach (var line in status.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# branch.oid ", StringComparison.Ordinal))
            {
                head = line["# branch.oid ".Length..].Trim();
            }
            else if (line.StartsWith("# branch.head ", StringComparison.Ordinal))
            {
                detached = line.EndsWith("(detached)", StringComparison.Ordinal);
            }
            else if (line.StartsWith("? ", StringComparison.Ordinal))
            {
                untracked = true;
            }
            else if (!line.StartsWith('#'))
            {
                modified = true;
            }
        }

        return (head, detached, untracked, modified);
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
