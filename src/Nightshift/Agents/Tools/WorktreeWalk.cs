using Nightshift.Files;

namespace Nightshift.Agents.Tools;

/// <summary>
/// The files under a worktree folder, in a stable order, for listing and searching. Symbolic links to
/// folders are not followed (they may lead out of the worktree), and build output and VCS folders are
/// skipped: they are large and never what a fix should touch.
/// </summary>
internal static class WorktreeWalk
{
    private static readonly HashSet<string> _skipped = new(StringComparer.Ordinal)
    {
        ".git", NightshiftPaths.DirectoryName, "node_modules", "target", "obj", "__pycache__", ".venv",
    };

    public static IEnumerable<FileInfo> Files(string directory)
    {
        var folders = new Stack<DirectoryInfo>();
        folders.Push(new DirectoryInfo(directory));
        while (folders.TryPop(out var folder))
        {
            var entries = folder.EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true })
                .OrderBy(entry => entry.Name, StringComparer.Ordinal)
                .ToList();
            foreach (var file in entries.OfType<FileInfo>())
            {
                yield return file;
            }

            foreach (var subfolder in entries.OfType<DirectoryInfo>().Reverse())
            {
                if (subfolder.LinkTarget is null && !_skipped.Contains(subfolder.Name))
                {
                    folders.Push(subfolder);
                }
            }
        }
    }

    /// <summary>True for files that hold a NUL byte early on: not text, not for the model.</summary>
    public static bool IsBinary(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[8000];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Array.IndexOf(buffer, (byte)0, 0, read) >= 0;
    }
}
