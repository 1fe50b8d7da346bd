namespace Nightshift.Files;

/// <summary>Copies a tree of files (keeping symbolic links as links), skipping any <c>.git</c>: workspaces get their own.</summary>
internal static class DirectoryCopy
{
    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>, replacing files that exist; returns the relative paths copied.</summary>
    public static IReadOnlyList<string> Copy(string source, string destination)
    {
        var copied = new List<string>();
        Copy(new DirectoryInfo(source), destination, "", copied);
        return copied;
    }

    /// <summary>The relative paths of the files under <paramref name="directory"/> (without .git), '/'-separated.</summary>
    public static IReadOnlyList<string> ListFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => !IsGit(f))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static bool IsGit(string relativePath) => relativePath == ".git" || relativePath.StartsWith(".git/", StringComparison.Ordinal);

    private static void Copy(DirectoryInfo source, string destination, string prefix, List<string> copied)
    {
        Directory.CreateDirectory(destination);
        foreach (var entry in source.EnumerateFileSystemInfos())
        {
            var relative = prefix + entry.Name;
            if (IsGit(relative))
            {
                continue;
            }

            var target = Path.Combine(destination, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                if (File.Exists(target) || Directory.Exists(target))
                {
                    File.Delete(target);
                }

                File.CreateSymbolicLink(target, link);
                copied.Add(relative);
            }
            else if (entry is DirectoryInfo directory)
            {
                Copy(directory, target, relative + "/", copied);
            }
            else
            {
                File.Copy(entry.FullName, target, overwrite: true);
                copied.Add(relative);
            }
        }
    }
}
