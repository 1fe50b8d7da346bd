namespace Nightshift.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// What differs between the user's HEAD and their files: staged and unstaged changes and untracked files that are
    /// not ignored, except <paramref name="excludedPaths"/> (files Nightshift copies into worktrees, such as <c>.env</c>). Read
    /// without refreshing the user's index (GIT_OPTIONAL_LOCKS=0).
    /// </summary>
    public async Task<IReadOnlyList<PendingChange>> PendingChangesAsync(IReadOnlyList<string> excludedPaths, CancellationToken cancellationToken)
    {
        var output = await RunCheckedAsync(
            new GitCall(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignore-submodules=none", "--", .. Pathspecs(excludedPaths)]),
            cancellationToken).ConfigureAwait(false);
        return PendingChange.ParsePorcelain(output);
    }

    /// <summary>
    /// Writes the binary patch from <paramref name="from"/> to <paramref name="to"/> (commits or trees) into
    /// <paramref name="outputFile"/>: the exact bytes, for <c>git apply</c>, whatever the files' encoding.
    /// </summary>
    public async Task WriteDiffAsync(string from, string to, string outputFile, CancellationToken cancellationToken) =>
        await RunCheckedAsync(
            GitCall.Of("diff", "--binary", "--no-color", "--no-ext-diff", "--no-textconv", $"--output={outputFile}", from, to, "--"),
            cancellationToken).ConfigureAwait(false);

    /// <summary>Paths that differ between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<string>> ChangedPathsAsync(string from, string to, CancellationToken cancellationToken)
    {
        var output = await RunCheckedAsync(
            GitCall.Of("diff", "--name-only", "-z", "--no-renames", from, to, "--"), cancellationToken).ConfigureAwait(false);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
