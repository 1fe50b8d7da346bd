using Nightshift.Verification;

namespace Nightshift.Workloads.CrashWatch.Watching;

/// <summary>
/// One entry of <c>crash.watch</c>, resolved against the repository: the folder to watch and the files in it that count.
/// A glob (<c>crashes/*.txt</c>, <c>/var/crash/**/*.crash</c>) watches from its last folder without wildcards; a folder
/// (<c>crashes/</c>, or one that exists) means every file below it; anything else is one file, which may not exist yet.
/// </summary>
public sealed record WatchTarget(string Entry, string Directory, Glob Files, bool Recursive)
{
    private static readonly char[] _wildcards = ['*', '?', '[', '{'];

    /// <summary>
    /// The files are core files (<c>crash.cores</c>): binary, taken whole by path, never read as text. The names a kernel's
    /// <c>core_pattern</c> usually gives: <c>core</c>, <c>core.&lt;pid&gt;</c>, <c>&lt;name&gt;.core</c>.
    /// </summary>
    public bool IsCores { get; init; }

    /// <summary>The core files of the folder <paramref name="folder"/> (absolute, or relative to the repository).</summary>
    public static WatchTarget Cores(string folder, string repositoryRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder.Trim(), repositoryRoot));
        return new WatchTarget(folder, full, new Glob("{core,core.*,*.core}"), Recursive: false) { IsCores = true };
    }

    public static WatchTarget Parse(string entry, string repositoryRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entry);
        var full = Path.GetFullPath(entry.Trim(), repositoryRoot);
        var segments = full.Split('/');
        var wild = Array.FindIndex(segments, segment => segment.IndexOfAny(_wildcards) >= 0);
        if (wild >= 0)
        {
            var pattern = string.Join('/', segments[wild..]);
            return new WatchTarget(entry, Rooted(segments[..wild]), new Glob(pattern), wild < segments.Length - 1 || pattern.Contains("**", StringComparison.Ordinal));
        }

        if (entry.EndsWith('/') || System.IO.Directory.Exists(full))
        {
            return new WatchTarget(entry, Path.TrimEndingDirectorySeparator(full), new Glob("*"), Recursive: true);
        }

        return new WatchTarget(entry, Path.GetDirectoryName(full)!, new Glob(Path.GetFileName(full)), Recursive: false);
    }

    /// <summary>Whether <paramref name="path"/> (absolute) is a file this entry watches.</summary>
    public bool Matches(string path)
    {
        var relative = Path.GetRelativePath(Directory, path);
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)
            && (Recursive || !relative.Contains('/', StringComparison.Ordinal))
            && Files.IsMatch(relative);
    }

    /// <summary>The files this entry watches now; none when its folder does not exist.</summary>
    public IEnumerable<string> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = Recursive, IgnoreInaccessible = true, AttributesToSkip = 0 };
        return System.IO.Directory.EnumerateFiles(Directory, "*", options).Where(Matches);
    }

    private static string Rooted(string[] segments) => segments.Length <= 1 ? "/" : string.Join('/', segments);
}
