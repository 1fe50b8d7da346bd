using Nightshift.Configuration;

namespace Nightshift.Telemetry;

/// <summary>
/// Finds a repository's <c>.nightshift</c> folder (journal, lock, status, logs) for commands that only read
/// it (status, watch, report) and so must work even where no session has run yet.
/// </summary>
public static class NightshiftDirectory
{
    public const string Name = ".nightshift";

    /// <summary>
    /// Next to the configuration given with --config; else next to the nearest nightshift.yml upwards from
    /// <paramref name="workingDirectory"/>; else the nearest existing <c>.nightshift</c> folder upwards; else
    /// <c>.nightshift</c> in the working directory (which may not exist).
    /// </summary>
    /// <exception cref="ConfigException">--config names a file that does not exist.</exception>
    public static string Locate(string? explicitConfig, string workingDirectory)
    {
        if (!string.IsNullOrEmpty(explicitConfig))
        {
            return In(Path.GetDirectoryName(ConfigLocator.Locate(explicitConfig, workingDirectory))!);
        }

        if (ConfigLocator.Find(workingDirectory) is { } config)
        {
            return In(Path.GetDirectoryName(config)!);
        }

        for (var directory = new DirectoryInfo(Path.GetFullPath(workingDirectory)); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(In(directory.FullName)))
            {
                return In(directory.FullName);
            }
        }

        return In(Path.GetFullPath(workingDirectory));
    }

    /// <summary>The <c>.nightshift</c> folder of the repository at <paramref name="repositoryRoot"/>.</summary>
    public static string In(string repositoryRoot) => Path.Combine(repositoryRoot, Name);

    /// <summary>
    /// Creates <paramref name="directory"/> when missing and, when it is a repository's <c>.nightshift</c> folder, gives
    /// it a <c>.gitignore</c> of <c>*</c>, so git ignores everything Nightshift keeps there (journal, worktrees, scratch
    /// files) without an edit to any file of the user. Every command that writes there goes through this.
    /// </summary>
    /// <exception cref="NightshiftException">The path is taken by a file, or the folder cannot be created or written.</exception>
    public static void Create(string directory)
    {
        var full = Path.GetFullPath(directory);
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
            if (Path.GetFileName(Path.TrimEndingDirectorySeparator(full)) == Name && !File.Exists(ignore))
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
