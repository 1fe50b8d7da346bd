namespace Nightshift.Attempts.Episodes;

/// <summary>The files an attempt starts from, as its episode keeps them so a training example can be rebuilt later.</summary>
internal static class EpisodeSources
{
    private const int MaxFiles = 20;
    private const int MaxBytes = 64 * 1024;

    /// <param name="worktree">The attempt's worktree, before the agent changed anything.</param>
    /// <param name="files">Paths relative to the worktree (a cluster's files, a crash's own frames).</param>
    public static IReadOnlyDictionary<string, string> Read(string worktree, IEnumerable<string> files)
    {
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.Take(MaxFiles))
        {
            var path = Path.GetFullPath(file, worktree);
            var inside = path.StartsWith(Path.GetFullPath(worktree) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (inside && File.Exists(path) && new FileInfo(path).Length <= MaxBytes)
            {
                sources[file.Replace('\\', '/')] = File.ReadAllText(path);
            }
        }

        return sources;
    }
}
