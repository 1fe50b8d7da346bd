namespace Nightshift.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Every file of the checkout that git tracks (the index, so a worktree's staged change counts), with paths
    /// relative to <paramref name="directory"/>, in git's order; those whose file on disk differs from the index
    /// are marked. Only reads: <c>ls-files</c> never refreshes the index.
    /// </summary>
    public async Task<IReadOnlyList<TrackedFile>> TrackedFilesAsync(string directory, CancellationToken cancellationToken)
    {
        // ":/" is the whole checkout from wherever git runs; paths still come out relative to that folder.
        var staged = await RunCheckedAsync(
            new GitCall(["ls-files", "--stage", "-z", "--", ":/"]) { WorkingDirectory = directory }, cancellationToken).ConfigureAwait(false);
        var changed = await RunCheckedAsync(
            new GitCall(["ls-files", "--modified", "--deleted", "-z", "--", ":/"]) { WorkingDirectory = directory }, cancellationToken)
            .ConfigureAwait(false);
        var changedPaths = changed.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var files = new List<TrackedFile>();
        foreach (var entry in staged.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <object> <stage>\t<path>"; a conflicted path has several stages, and any of them will do for a key.
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var fields = entry[..tab].Split(' ');
            var path = entry[(tab + 1)..];
            if (files.Count == 0 || files[^1].Path != path)
            {
                files.Add(new TrackedFile(path, fields[1], changedPaths.Contains(path)));
            }
        }

        return files;
    }
}
