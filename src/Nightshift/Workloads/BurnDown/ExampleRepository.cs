using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Git;

namespace Nightshift.Workloads.BurnDown;

/// <summary>
/// A fresh git repository made from a bundled example (<c>nightshift demo</c>): the example's files copied to a new
/// directory and committed once, so a night can branch from it without touching anything of the user's.
/// </summary>
public static class ExampleRepository
{
    // Build output and state of an earlier run are not part of the example.
    private static readonly HashSet<string> _skipped = new(StringComparer.Ordinal) { "target", NightshiftPaths.DirectoryName, ".git" };

    /// <summary>Copies <paramref name="example"/> to <paramref name="destination"/> (which must not exist or be empty) and commits it.</summary>
    /// <exception cref="NightshiftException">The destination holds files, or git failed.</exception>
    public static async Task CreateAsync(string example, string destination, ProcessRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        if (!Directory.Exists(example))
        {
            throw new NightshiftException($"The bundled example is missing at {example}: reinstall Nightshift, or build it from the repository.");
        }

        if (Directory.Exists(destination) && Directory.EnumerateFileSystemEntries(destination).Any())
        {
            throw new UsageException($"{destination} is not empty: give 'nightshift demo --dir' a new or empty directory.");
        }

        Copy(example, destination);
        var git = new ScratchRepository(destination, runner);
        await git.RunAsync(["init", "--quiet", "--initial-branch=main"], cancellationToken).ConfigureAwait(false);
        await git.RunAsync(["add", "--all"], cancellationToken).ConfigureAwait(false);
        await git.RunAsync(
            ["-c", "user.name=Nightshift demo", "-c", "user.email=demo@nightshift.invalid", "commit", "--quiet", "--message", "The example as bundled"],
            cancellationToken).ConfigureAwait(false);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from).Where(d => !_skipped.Contains(Path.GetFileName(d))))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
