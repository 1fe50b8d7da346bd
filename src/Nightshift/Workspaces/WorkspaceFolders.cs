using Nightshift.Git;

namespace Nightshift.Workspaces;

/// <summary>File work on Nightshift's own folders: copying provisioned files in, removing worktrees and leftovers.</summary>
internal static class WorkspaceFolders
{
    /// <summary>
    /// Removes an attempt worktree and its record. When git refuses (a submodule inside, a file it cannot delete), the folder
    /// is deleted directly and git is asked again, which then drops the record of the missing folder. Returns false, after
    /// reporting it, when the record stays; the next start's prune tries again.
    /// </summary>
    public static async Task<bool> RemoveWorktreeAsync(GitRepository repository, string path, CancellationToken cancellationToken)
    {
        try
        {
            await repository.RemoveWorktreeAsync(path, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GitException)
        {
            Delete(path);
        }

        try
        {
            await repository.RemoveWorktreeAsync(path, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GitException e)
        {
            repository.OnEvent?.Invoke(new GitEvent.WorktreeRemovalFailed(path, e.Message));
            return false;
        }
    }

    /// <summary>Deletes <paramref name="path"/> recursively if it exists; symbolic links are removed, never followed.</summary>
    public static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next start's prune tries again; a leftover folder under .nightshift/ harms nothing.
        }
    }

    /// <summary>Copies a file or a folder tree from <paramref name="source"/> to <paramref name="destination"/>, replacing files.</summary>
    public static void Copy(string source, string destination)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination, overwrite: true);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
        }
    }
}
