using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using Nightshift.Configuration;
using Nightshift.Files;

namespace Nightshift.Probing;

/// <summary>Finds a corpus's items: the files matching its globs, relative to the root.</summary>
internal static class CorpusItems
{
    /// <summary>
    /// Nightshift's own folder holds the worktrees of agents' attempts, and .git holds objects: a broad
    /// glob such as <c>**/*.rs</c> must not probe either.
    /// </summary>
    private static readonly string[] _excluded = [NightshiftPaths.DirectoryName + "/**", ".git/**"];

    /// <summary>The matching files' paths relative to <paramref name="root"/>, '/' separated, in ordinal order.</summary>
    public static IReadOnlyList<string> Find(string root, IReadOnlyList<string> globs) => Find(root, globs, []);

    /// <summary>The corpus's items: the files matching <see cref="CorpusConfig.Items"/> and none of <see cref="CorpusConfig.Exclude"/>.</summary>
    public static IReadOnlyList<string> Find(string root, CorpusConfig corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return Find(root, corpus.Items, corpus.Exclude);
    }

    private static IReadOnlyList<string> Find(string root, IReadOnlyList<string> globs, IReadOnlyList<string> exclude)
    {
        // Ordinal: the file systems the tool targets are case-sensitive, and so is the order of items.
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(globs);
        matcher.AddExcludePatterns(_excluded);
        matcher.AddExcludePatterns(exclude);
        var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root)));
        return [.. result.Files.Select(f => f.Path.Replace('\\', '/')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The items to probe: all of them, or those of <paramref name="only"/> that the corpus has.</summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<string> all, IReadOnlyCollection<string>? only)
    {
        if (only is null)
        {
            return all;
        }

        var wanted = only.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        return [.. all.Where(wanted.Contains)];
    }

    private static string Normalize(string item)
    {
        var path = item.Replace('\\', '/');
        return path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
    }
}
