using System.IO.Enumeration;
using Nightshift.Configuration;

namespace Nightshift.Verification;

/// <summary>
/// The report files a trx or junit test command writes (<c>tests.results</c>), found by their glob
/// under the working directory. The search starts at the glob's literal folder and never enters .git.
/// </summary>
internal sealed class ResultFiles
{
    private static readonly char[] _wildcards = ['*', '?', '[', '{'];

    private readonly Glob _glob;
    private readonly string _base;

    /// <exception cref="ConfigException">The glob is absolute or climbs out with "..": results outside
    /// the worktree would be shared between attempts (and deleted for each).</exception>
    public ResultFiles(string glob)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(glob);
        var segments = glob.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToList();
        if (Path.IsPathRooted(glob) || segments.Contains(".."))
        {
            throw new ConfigException(
                $"tests.results '{glob}' must be relative to the repository and stay inside it (no leading '/', no '..'), "
                + "because every attempt's worktree gets its own results; e.g. '.nightshift/test-results/*.xml'.");
        }

        _glob = new Glob(glob);
        _base = string.Join('/', segments.TakeWhile(s => s.IndexOfAny(_wildcards) < 0));
        Pattern = glob;
    }

    public string Pattern { get; }

    /// <summary>Full paths of the matching files under <paramref name="root"/>, ordinal order.</summary>
    public IReadOnlyList<string> Find(string root)
    {
        var start = Path.Combine(root, _base);
        if (File.Exists(start))
        {
            return _glob.IsMatch(_base) ? [start] : [];
        }

        if (!Directory.Exists(start))
        {
            return [];
        }

        var files = new FileSystemEnumerable<string>(
            start,
            (ref FileSystemEntry entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            // Symbolic links to folders could loop; .git holds nothing a test command writes.
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                (entry.Attributes & FileAttributes.ReparsePoint) == 0 && !entry.FileName.SequenceEqual(".git"),
        };
        return [.. files.Where(file => _glob.IsMatch(Path.GetRelativePath(root, file).Replace('\\', '/'))).Order(StringComparer.Ordinal)];
    }

    /// <summary>Deletes what <see cref="Find"/> finds, so a report left by an earlier run is never read as this run's.</summary>
    public void DeleteStale(string root)
    {
        foreach (var file in Find(root))
        {
            File.Delete(file);
        }
    }
}
