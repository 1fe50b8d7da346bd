using Nightshift.Configuration;

namespace Nightshift.Files;

public sealed partial record NightshiftPaths
{
    /// <summary>
    /// The folder for commands that only read it (status, watch, report) and so must work even where no session has
    /// run yet: next to the configuration given with --config; else next to the nearest nightshift.yml upwards from
    /// <paramref name="workingDirectory"/>; else the nearest existing <c>.nightshift</c> folder upwards; else
    /// <c>.nightshift</c> in the working directory (which may not exist).
    /// </summary>
    /// <exception cref="ConfigException">--config names a file that does not exist.</exception>
    public static NightshiftPaths Locate(string? explicitConfig, string workingDirectory)
    {
        if (!string.IsNullOrEmpty(explicitConfig))
        {
            return For(Path.GetDirectoryName(ConfigLocator.Locate(explicitConfig, workingDirectory))!);
        }

        if (ConfigLocator.Find(workingDirectory) is { } config)
        {
            return For(Path.GetDirectoryName(config)!);
        }

        for (var directory = new DirectoryInfo(Path.GetFullPath(workingDirectory)); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, DirectoryName)))
            {
                return For(directory.FullName);
            }
        }

        return For(workingDirectory);
    }
}
