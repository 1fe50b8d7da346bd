using Nightshift.Files;

namespace Nightshift.Configuration;

/// <summary>Finds the configuration file: the one given with --config, or the nearest nightshift.yml upwards.</summary>
public static class ConfigLocator
{
    /// <summary>The nearest nightshift.yml in <paramref name="startDirectory"/> or one of its parents; null if none.</summary>
    public static string? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, ConfigLoader.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The configuration file to use: <paramref name="explicitPath"/> (relative to <paramref name="workingDirectory"/>)
    /// when given, else the nearest nightshift.yml from <paramref name="workingDirectory"/> upwards.
    /// </summary>
    /// <exception cref="ConfigException">No configuration file could be found.</exception>
    public static string Locate(string? explicitPath, string workingDirectory)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            var path = Path.GetFullPath(explicitPath, workingDirectory);
            return File.Exists(path)
                ? path
                : throw new ConfigException($"{path} (given with --config) does not exist. Run 'nightshift init' to write one.");
        }

        return Find(workingDirectory) ?? throw new ConfigException(
            $"No {ConfigLoader.FileName} in {Path.GetFullPath(workingDirectory)} or any directory above it. " +
            "Run 'nightshift init' in the repository to write one, or point to one with --config.");
    }

    /// <summary>
    /// The Nightshift folder for commands that only read it (status, watch, report) and so must work even where no
    /// session has run yet: next to the configuration given with --config; else next to the nearest nightshift.yml
    /// upwards from <paramref name="workingDirectory"/>; else the nearest existing <c>.nightshift</c> folder upwards;
    /// else <c>.nightshift</c> in the working directory (which may not exist).
    /// </summary>
    /// <exception cref="ConfigException">--config names a file that does not exist.</exception>
    public static NightshiftPaths LocateNightshiftPaths(string? explicitConfig, string workingDirectory)
    {
        if (!string.IsNullOrEmpty(explicitConfig))
        {
            return NightshiftPaths.For(Path.GetDirectoryName(Locate(explicitConfig, workingDirectory))!);
        }

        if (Find(workingDirectory) is { } config)
        {
            return NightshiftPaths.For(Path.GetDirectoryName(config)!);
        }

        for (var directory = new DirectoryInfo(Path.GetFullPath(workingDirectory)); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, NightshiftPaths.DirectoryName)))
            {
                return NightshiftPaths.For(directory.FullName);
            }
        }

        return NightshiftPaths.For(workingDirectory);
    }
}
