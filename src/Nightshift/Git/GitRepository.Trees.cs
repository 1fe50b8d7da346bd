using Nightshift.Files;

namespace Nightshift.Git;

public sealed partial class GitRepository
{
    /// <summary>Pathspec that keeps Nightshift's own directory out of every tree and diff, even in a worktree where it is not ignored.</summary>
    internal const string ExcludeNightshift = ":(exclude,literal)" + NightshiftPaths.DirectoryName;

    private const string NoCommitter = "nightshift@localhost";

    /// <summary>
    /// The tree of the user's checkout as it is on disk: HEAD plus every tracked change and every untracked file
    /// git does not ignore, except <paramref name="excludedPaths"/>. Built in a scratch index, so the user's index and files are
    /// only read.
    /// </summary>
    public async Task<string> SnapshotWorkingTreeAsync(IReadOnlyList<string> excludedPaths, CancellationToken cancellationToken)
    {
        using var index = ScratchFile.Create(this, "index");
        var head = await HeadAsync(cancellationToken).ConfigureAwait(false);
        await RunCheckedAsync(new GitCall(["read-tree", head]) { IndexFile = index.Path }, cancellationToken).ConfigureAwait(false);
        await RunCheckedAsync(new GitCall(["add", "--all", "--", .. Pathspecs(excludedPaths)]) { IndexFile = index.Path }, cancellationToken)
            .ConfigureAwait(false);
        return await WriteTreeAsync(new GitCall(["write-tree"]) { IndexFile = index.Path }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stages everything in the attempt worktree <paramref name="worktree"/> (its own index) except
    /// <paramref name="excludedPaths"/> (provisioned files such as <c>.env</c>) and returns the tree.
    /// </summary>
    public async Task<string> StageWorktreeAsync(string worktree, IReadOnlyList<string> excludedPaths, CancellationToken cancellationToken)
    {
        await RunCheckedAsync(new GitCall(["add", "--all", "--", .. Pathspecs(excludedPaths)]) { WorkingDirectory = worktree }, cancellationToken)
            .ConfigureAwait(false);
        return await WriteTreeAsync(new GitCall(["write-tree"]) { WorkingDirectory = worktree }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tree of <paramref name="commit"/>.</summary>
    public async Task<string> TreeOfAsync(string commit, CancellationToken cancellationToken) =>
        (await RunCheckedAsync(GitCall.Of("rev-parse", "--verify", "--end-of-options", commit + "^{tree}"), cancellationToken)
            .ConfigureAwait(false)).Trim();

    /// <summary>
    /// Applies the patch file <paramref name="patchFile"/> to the tree of <paramref name="commit"/> in a scratch index and
    /// returns the resulting tree, or null when it does not apply. With <paramref name="reverse"/>, applies it backwards
    /// (true when the commit already contains the change).
    /// </summary>
    public async Task<string?> TryApplyToCommitAsync(string commit, string patchFile, bool reverse, CancellationToken cancellationToken)
    {
        using var index = ScratchFile.Create(this, "index");
        await RunCheckedAsync(new GitCall(["read-tree", commit]) { IndexFile = index.Path }, cancellationToken).ConfigureAwait(false);
        string[] arguments = reverse ? ["apply", "--cached", "--reverse", patchFile] : ["apply", "--cached", patchFile];
        var applied = await RunAsync(new GitCall(arguments) { IndexFile = index.Path }, cancellationToken).ConfigureAwait(false);
        return applied.Succeeded
            ? await WriteTreeAsync(new GitCall(["write-tree"]) { IndexFile = index.Path }, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// Creates a commit of <paramref name="tree"/> on top of <paramref name="parent"/> without touching any checkout, then
    /// reads it back (rev-parse) and checks its tree and parent. No ref moves.
    /// </summary>
    /// <exception cref="GitException">git failed, or the commit read back is not the one asked for.</exception>
    public async Task<string> CommitTreeAsync(string tree, string parent, string message, CancellationToken cancellationToken)
    {
        var identity = await IdentityAsync(cancellationToken).ConfigureAwait(false);
        var call = new GitCall(["commit-tree", "--no-gpg-sign", tree, "-p", parent])
        {
            StandardInput = message,
            Environment = identity,
        };
        var sha = (await RunCheckedAsync(call, cancellationToken).ConfigureAwait(false)).Trim();

        var check = await RunCheckedAsync(
            GitCall.Of("rev-parse", sha + "^{commit}", sha + "^{tree}", sha + "^1"), cancellationToken)
            .ConfigureAwait(false);
        var read = check.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (read is not [var commit, var readTree, var readParent] || commit != sha || readTree != tree || readParent != parent)
        {
            throw new GitException($"`{call.Display}` made {sha}, but reading it back gave [{string.Join(", ", read)}] "
                + $"instead of commit {sha}, tree {tree}, parent {parent}: the object database may be damaged (git fsck).");
        }

        return sha;
    }

    // Everything below the working directory but Nightshift's folder and the excluded paths (taken literally, not as globs).
    private static string[] Pathspecs(IReadOnlyList<string> excludedPaths)
    {
        ArgumentNullException.ThrowIfNull(excludedPaths);
        return [".", ExcludeNightshift, .. excludedPaths.Select(path => $":(exclude,literal){path}")];
    }

    private async Task<string> WriteTreeAsync(GitCall call, CancellationToken cancellationToken) =>
        (await RunCheckedAsync(call, cancellationToken).ConfigureAwait(false)).Trim();

    // Build machines often have no user.name/user.email; commit-tree would then refuse to commit. The user's own
    // identity wins whenever git can find one (config or environment).
    private async Task<IReadOnlyDictionary<string, string?>> IdentityAsync(CancellationToken cancellationToken)
    {
        if (_identity is { } known)
        {
            return known;
        }

        var identity = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!await HasConfigAsync("user.name", cancellationToken).ConfigureAwait(false))
        {
            identity.TryAdd("GIT_AUTHOR_NAME", System.Environment.GetEnvironmentVariable("GIT_AUTHOR_NAME") ?? "Nightshift");
            identity.TryAdd("GIT_COMMITTER_NAME", System.Environment.GetEnvironmentVariable("GIT_COMMITTER_NAME") ?? "Nightshift");
        }

        if (!await HasConfigAsync("user.email", cancellationToken).ConfigureAwait(false))
        {
            identity.TryAdd("GIT_AUTHOR_EMAIL", System.Environment.GetEnvironmentVariable("GIT_AUTHOR_EMAIL") ?? NoCommitter);
            identity.TryAdd("GIT_COMMITTER_EMAIL", System.Environment.GetEnvironmentVariable("GIT_COMMITTER_EMAIL") ?? NoCommitter);
        }

        return _identity = identity;
    }

    private async Task<bool> HasConfigAsync(string key, CancellationToken cancellationToken)
    {
        var result = await RunAsync(GitCall.Of("config", "--get", key), cancellationToken).ConfigureAwait(false);
        return result.Succeeded && result.StandardOutput.Trim().Length > 0;
    }
}
