using Nightshift.Files;

namespace Nightshift.Workloads.CrashWatch.Deploy;

/// <summary>
/// The builds crash-watch deploys, under <c>.nightshift/crash-watch/releases/&lt;name&gt;</c>: a copy of a verified
/// worktree's files (without its .git link), built in place so that its outputs live next to its sources and stay
/// there, ready to be started again, when the next fix is built. Kept: the running release and the one before it.
/// </summary>
public sealed class Releases(string directory)
{
    /// <summary>The folder holding one folder per release.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Copies <paramref name="worktree"/> into a new release named <paramref name="name"/> (replacing a leftover of that name).</summary>
    public Release Create(string name, string worktree)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = Path.Combine(Directory, name);
        Delete(path);
        DirectoryCopy.Copy(worktree, path);
        return new Release(name, path);
    }

    /// <summary>
    /// Copies <paramref name="paths"/> (build outputs, relative) from <paramref name="from"/> into <paramref name="release"/>,
    /// file times kept so that the build tool sees them as up to date; a path <paramref name="from"/> lacks is skipped.
    /// </summary>
    /// <returns>The paths copied and how many files they held.</returns>
    public static IReadOnlyList<(string Path, int Files)> Reuse(Release release, string from, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(paths);
        var reused = new List<(string, int)>();
        foreach (var path in paths)
        {
            var source = Path.Combine(from, path);
            var destination = Path.Combine(release.Directory, path);
            if (System.IO.Directory.Exists(source))
            {
                reused.Add((path, DirectoryCopy.Copy(source, destination).Count));
            }
            else if (File.Exists(source))
            {
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(source, destination, overwrite: true);
                reused.Add((path, 1));
            }
        }

        return reused;
    }

    /// <summary>Deletes a release's folder; the repository itself is never deleted.</summary>
    public void Remove(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (!release.IsRepository && IsOwn(release.Directory))
        {
            Delete(release.Directory);
        }
    }

    /// <summary>Deletes every release but <paramref name="keep"/>; returns the names deleted.</summary>
    public IReadOnlyList<string> Prune(IEnumerable<Release?> keep)
    {
        var kept = keep.OfType<Release>().Select(r => Path.GetFullPath(r.Directory)).ToHashSet(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var folder in System.IO.Directory.GetDirectories(Directory).Where(f => !kept.Contains(Path.GetFullPath(f))))
        {
            Delete(folder);
            removed.Add(Path.GetFileName(folder));
        }

        return removed;
    }

    private bool IsOwn(string path) => Path.GetFullPath(path).StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static void Delete(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover under .nightshift/ harms nothing; the next prune tries again.
        }
    }
}
