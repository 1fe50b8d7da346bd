namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// Refuses new runs when a disk the bench writes to (its results, its workspaces, its build caches) has
/// less free space than <c>bench.min_free_disk_mb</c>: a full disk fails every run after it, and other work
/// on the machine with it.
/// </summary>
public sealed class DiskGuard(long minFreeMegabytes, IReadOnlyList<string> paths)
{
    public long MinFreeMegabytes { get; } = minFreeMegabytes;

    /// <summary>Null when every disk has room; otherwise why not, as a sentence.</summary>
    public string? Check()
    {
        foreach (var path in paths)
        {
            var free = FreeMegabytes(path);
            if (free < MinFreeMegabytes)
            {
                return $"only {free} MB free on the disk of {path}, below bench.min_free_disk_mb ({MinFreeMegabytes} MB); " +
                    "free some space (old benches are in .nightshift/bench) and resume";
            }
        }

        return null;
    }

    public static long FreeMegabytes(string path)
    {
        // DriveInfo wants the mount point's path or any path on it; the nearest existing ancestor will do.
        var existing = new DirectoryInfo(Path.GetFullPath(path));
        while (!existing.Exists && existing.Parent is not null)
        {
            existing = existing.Parent;
        }

        return new DriveInfo(existing.FullName).AvailableFreeSpace / (1024 * 1024);
    }
}
