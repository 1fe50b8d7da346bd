namespace Nightshift.Execution;

/// <summary>
/// Finds the file a command runs, the way execvp would in the child: a name with a slash is a path
/// (relative to the command's working directory, like a shell that has cd'd there), a bare name is looked
/// up on the child's PATH. Resolving here, rather than letting the child fail, turns "not found" into a
/// clear error instead of exit code 127 from setsid.
/// </summary>
internal static class ExecutableLocator
{
    /// <summary>What execvp searches when PATH is unset (glibc's default).</summary>
    private const string DefaultSearchPath = "/bin:/usr/bin";

    /// <summary>setsid(1) from util-linux (or busybox); null where there is none, and then no process group.</summary>
    public static string? Setsid { get; } =
        new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists)
        ?? Search("setsid", Environment.GetEnvironmentVariable("PATH") ?? DefaultSearchPath, "/");

    /// <summary>The absolute path of the program to run, or a <see cref="CommandStartException"/> saying why there is none.</summary>
    public static string Resolve(string fileName, string workingDirectory, string? searchPath)
    {
        if (fileName.Contains('/', StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(fileName, workingDirectory);
            var problem = Directory.Exists(path) ? "is a directory"
                : !File.Exists(path) ? "does not exist"
                : !Libc.IsExecutable(path) ? "is not executable (chmod +x?)"
                : null;
            return problem is null
                ? path
                : throw Failure(fileName, workingDirectory, $"{path} {problem} (working directory {workingDirectory})");
        }

        searchPath ??= DefaultSearchPath;
        return Search(fileName, searchPath, workingDirectory)
            ?? throw Failure(fileName, workingDirectory,
                $"not found on PATH ({searchPath}); working directory {workingDirectory}. "
                + "Install it, add its folder to PATH or give the full path.");
    }

    private static string? Search(string fileName, string searchPath, string workingDirectory)
    {
        foreach (var directory in searchPath.Split(':'))
        {
            // An empty PATH entry means the current directory (POSIX), which for the child is its working directory.
            var folder = directory.Length == 0 ? workingDirectory : Path.GetFullPath(directory, workingDirectory);
            var candidate = Path.Combine(folder, fileName);
            if (File.Exists(candidate) && Libc.IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static CommandStartException Failure(string fileName, string workingDirectory, string reason) =>
        new(fileName, workingDirectory, $"could not start '{fileName}': {reason}");
}
