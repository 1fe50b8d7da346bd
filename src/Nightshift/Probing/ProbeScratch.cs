using System.Globalization;

namespace Nightshift.Probing;

/// <summary>
/// The scratch folders of corpus probes (each item's <c>{work}</c> lives in one): <c>nightshift-probe-&lt;pid&gt;-*</c>
/// under the temp folder, named after the process that made them so that a resumed session can tell the folders
/// of a probe killed with -9 from those of a probe still running.
/// </summary>
internal static class ProbeScratch
{
    private const string Prefix = "nightshift-probe-";

    public static DirectoryInfo Create() =>
        Directory.CreateTempSubdirectory(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Environment.ProcessId}-"));

    /// <summary>Removes the scratch folders whose process is gone, and returns how many it removed.</summary>
    public static int RemoveOrphans()
    {
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var name = Path.GetFileName(folder)[Prefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid)
                && TryDelete(folder))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Deletes a scratch folder; false when a read-only file or a process still writing there prevents it.</summary>
    public static bool TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A step that left a read-only file or a process writing there must not fail the probe; it is in /tmp.
            return false;
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
