namespace Nightshift.Workspaces;

/// <summary>File work on Nightshift's own folders: copying provisioned files in, deleting leftovers.</summary>
internal static class WorkspaceFolders
{
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
