using System.Globalization;
using System.Text;

namespace Nightshift.Git;

/// <summary>
/// Finds git processes that work in a repository, by reading <c>/proc</c>: a process counts when its program
/// is <c>git</c> (or a <c>git-*</c> helper) and its working directory lies inside one of the given folders.
/// Only used to decide whether an old lock file may be a live one.
/// </summary>
/// <remarks>
/// Errs on the side of "alive": a git process whose working directory cannot be read (another user's) counts,
/// and without <c>/proc</c> (macOS) every lock is treated as possibly held, so it is waited for and reported,
/// never removed.
/// </remarks>
internal static class GitProcesses
{
    private const string Proc = "/proc";

    /// <summary>Ids of git processes that may work in <paramref name="folders"/>; null when processes cannot be listed.</summary>
    public static IReadOnlyList<int>? In(IReadOnlyCollection<string> folders)
    {
        if (!Directory.Exists(Path.Combine(Proc, "self")))
        {
            return null;
        }

        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories(Proc))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || !IsGit(entry))
            {
                continue;
            }

            var cwd = WorkingDirectory(entry);
            if (cwd is null || folders.Any(folder => GitPaths.IsWithin(cwd, folder)))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    private static bool IsGit(string processDirectory)
    {
        string commandLine;
        try
        {
            commandLine = File.ReadAllText(Path.Combine(processDirectory, "cmdline"), Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone meanwhile
        }

        // argv[0] up to the first NUL; empty for zombies and kernel threads.
        var program = Path.GetFileName(commandLine.Split('\0')[0]);
        return program == "git" || program.StartsWith("git-", StringComparison.Ordinal);
    }

    private static string? WorkingDirectory(string processDirectory)
    {
        try
        {
            return new DirectoryInfo(Path.Combine(processDirectory, "cwd")).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
