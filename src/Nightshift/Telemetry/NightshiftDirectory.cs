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
}
