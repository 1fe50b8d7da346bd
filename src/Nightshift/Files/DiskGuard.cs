using System.Globalization;
using Nightshift.Configuration;

namespace Nightshift.Files;

/// <summary>
/// Refuses new work when a disk a workload writes to (the repository, its worktrees, its build outputs, a bench's results)
/// has less free space than <c>limits.min_free_disk</c>: a full disk fails every build after it, and other work on the
/// machine with it. One guard for every workload (issue 18); each says where space can be freed.
/// </summary>
/// <param name="minFreeBytes">The threshold.</param>
/// <param name="paths">Any path on each disk to watch (need not exist yet: its nearest existing ancestor is asked).</param>
/// <param name="remedy">What a person can do, appended to the sentence <see cref="Check"/> returns.</param>
public sealed class DiskGuard(long minFreeBytes, IReadOnlyList<string> paths, string remedy)
{
    public long MinFreeBytes { get; } = minFreeBytes;

    /// <summary>Null when every disk has room; otherwise why not, as a sentence.</summary>
    public string? Check()
    {
        foreach (var path in paths)
        {
            var free = FreeBytes(path);
            if (free < MinFreeBytes)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"only {free >> 20} MB free on the disk of {path}, below limits.min_free_disk ({ByteSizes.Format(MinFreeBytes)}); {remedy}");
            }
        }

        return null;
    }

    public static long FreeBytes(string path)
    {
        // DriveInfo wants the mount point's path or any path on it; the nearest existing ancestor will do.
        var existing = new DirectoryInfo(Path.GetFullPath(path));
        while (!existing.Exists && existing.Parent is not null)
        {
            existing = existing.Parent;
        }

        return new DriveInfo(existing.FullName).AvailableFreeSpace;
    }
}
