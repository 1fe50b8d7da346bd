namespace Nightshift.Files;

public sealed partial record NightshiftPaths
{
    /// <summary>
    /// Creates <see cref="Root"/> when missing and gives it a <c>.gitignore</c> of <c>*</c>, so git ignores everything
    /// Nightshift keeps there (journal, worktrees, scratch files) without an edit to any file of the user. Every
    /// command that writes there goes through this (or through <see cref="EnsureFolder"/>).
    /// </summary>
    /// <exception cref="NightshiftException">The path is taken by a file, or the folder cannot be created or written.</exception>
    public void EnsureCreated() => EnsureFolder(Root);

    /// <summary>
    /// Creates <paramref name="folder"/> (the folder of a journal or a lock, wherever a caller keeps it) when missing;
    /// when it is a repository's <c>.nightshift</c> folder, it gets the <c>.gitignore</c> of <see cref="EnsureCreated"/>.
    /// </summary>
    /// <exception cref="NightshiftException">The path is taken by a file, or the folder cannot be created or written.</exception>
    public static void EnsureFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new NightshiftException(
                $"{full} is a file, but Nightshift keeps its journal, lock and worktrees in a folder of that name. " +
                "Move the file away (or delete it if it is not yours) and run the command again.");
        }

        try
        {
            Directory.CreateDirectory(full);
            var ignore = Path.Combine(full, ".gitignore");
            if (Path.GetFileName(Path.TrimEndingDirectorySeparator(full)) == DirectoryName && !File.Exists(ignore))
            {
                File.WriteAllText(ignore, "# Everything here is Nightshift's own: journal, worktrees, scratch files.\n*\n");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NightshiftException(
                $"cannot write to {full}: {e.Message} Nightshift keeps its journal, lock and worktrees there; " +
                "make the folder writable (or free some disk space) and run the command again.", innerException: e);
        }
    }
}
