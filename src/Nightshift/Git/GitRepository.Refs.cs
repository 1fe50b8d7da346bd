namespace Nightshift.Git;

public sealed partial class GitRepository
{
    private const string BranchPrefix = "refs/heads/";

    /// <summary>The commit the user's checkout is on.</summary>
    /// <exception cref="NightshiftException">The repository has no commit yet.</exception>
    public async Task<string> HeadAsync(CancellationToken cancellationToken) =>
        await TryResolveCommitAsync("HEAD", cancellationToken).ConfigureAwait(false)
        ?? throw new NightshiftException($"{RepositoryRoot} has no commit yet: commit the project once, then run nightshift.");

    /// <summary>True when <paramref name="name"/> is a full object name as git prints one (SHA-1 or SHA-256, lower-case hex).</summary>
    public static bool IsFullObjectName(string name) => name is { Length: 40 or 64 } && name.All(char.IsAsciiHexDigitLower);

    /// <summary>The full name of the commit <paramref name="revision"/> names, or null when it names none.</summary>
    public async Task<string?> TryResolveCommitAsync(string revision, CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            GitCall.Of("rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>The commit branch <paramref name="branch"/> (a short name) points at, or null when it does not exist.</summary>
    public Task<string?> BranchTipAsync(string branch, CancellationToken cancellationToken) =>
        TryResolveCommitAsync(BranchPrefix + branch, cancellationToken);

    /// <summary>The branch checked out in the user's checkout (short name), or null when its HEAD is detached.</summary>
    public async Task<string?> CurrentBranchAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(GitCall.Of("symbolic-ref", "--quiet", "HEAD"), cancellationToken).ConfigureAwait(false);
        var reference = result.Succeeded ? result.StandardOutput.Trim() : null;
        return reference is not null && reference.StartsWith(BranchPrefix, StringComparison.Ordinal) ? reference[BranchPrefix.Length..] : null;
    }

    /// <summary>True when <paramref name="name"/> is a valid branch name as it stands (git check-ref-format --branch).</summary>
    public async Task<bool> IsValidBranchNameAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith('-'))
        {
            return false; // git would read it as an option
        }

        var result = await RunAsync(GitCall.Of("check-ref-format", "--branch", name), cancellationToken).ConfigureAwait(false);
        // --branch also expands @{-1} and friends; only a name that comes back unchanged is a plain name.
        return result.Succeeded && result.StandardOutput.Trim() == name;
    }

    /// <summary>Creates branch <paramref name="name"/> at <paramref name="commit"/> without checking it out anywhere.</summary>
    /// <exception cref="GitException">The branch exists already, or the name is invalid.</exception>
    public async Task CreateBranchAsync(string name, string commit, CancellationToken cancellationToken) =>
        await RunCheckedAsync(GitCall.Of("branch", name, commit), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Moves branch <paramref name="branch"/> from <paramref name="expectedOld"/> to <paramref name="newCommit"/> as a
    /// compare-and-swap. Returns false, changing nothing, when the branch no longer points at <paramref name="expectedOld"/>.
    /// </summary>
    /// <exception cref="UnsafeGitCommandException">The branch is checked out in a worktree (the user's, for instance).</exception>
    public async Task<bool> TryAdvanceBranchAsync(string branch, string newCommit, string expectedOld, CancellationToken cancellationToken)
    {
        var call = GitCall.Of("update-ref", BranchPrefix + branch, newCommit, expectedOld);
        var result = await RunAsync(call, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return true;
        }

        var tip = await BranchTipAsync(branch, cancellationToken).ConfigureAwait(false);
        return tip != expectedOld ? false : throw Failure(call, result);
    }

    /// <summary>Every worktree of the repository, the user's main checkout first.</summary>
    public async Task<IReadOnlyList<WorktreeInfo>> ListWorktreesAsync(CancellationToken cancellationToken)
    {
        var output = await RunCheckedAsync(GitCall.Of("worktree", "list", "--porcelain"), cancellationToken).ConfigureAwait(false);
        return WorktreeInfo.ParsePorcelain(output);
    }

    // The guard's rules that need the repository's state: a branch checked out in any worktree (the user's main checkout or
    // their other worktrees) is never moved or pushed by Nightshift, and a branch only ever moves forward (no history rewritten).
    private async Task CheckRepositoryRulesAsync(GitCall call, CancellationToken cancellationToken)
    {
        var shape = GitCommandShape.Of(call.Arguments);
        var reference = shape switch
        {
            { Name: "update-ref", Positionals: [var name, ..] } => name,
            { Name: "push", Positionals: [_, var refspec] } => refspec.Split(':')[0],
            _ => null,
        };
        if (reference is null)
        {
            return;
        }

        var worktrees = await ListWorktreesAsync(cancellationToken).ConfigureAwait(false);
        if (worktrees.FirstOrDefault(w => w.Branch == reference) is { } checkedOut)
        {
            throw new UnsafeGitCommandException(call.Display, $"{reference} is checked out in {checkedOut.Path}");
        }

        if (shape.Positionals is [_, var newValue, var oldValue] && oldValue.Any(c => c != '0')
            && !(await RunOnceAsync(GitCall.Of("merge-base", "--is-ancestor", oldValue, newValue), cancellationToken).ConfigureAwait(false)).Succeeded)
        {
            throw new UnsafeGitCommandException(call.Display, $"{newValue} does not descend from {oldValue}, so the move would rewrite history");
        }
    }

    // Where a git process would have to work to hold one of this repository's locks.
    private async Task<IReadOnlyCollection<string>> RepositoryFoldersAsync(CancellationToken cancellationToken)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal) { RepositoryRoot, Paths.GitDirectory, Paths.CommonDirectory };
        var result = await RunOnceAsync(GitCall.Of("worktree", "list", "--porcelain"), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            folders.UnionWith(WorktreeInfo.ParsePorcelain(result.StandardOutput).Select(w => w.Path));
        }

        return folders;
    }
}
