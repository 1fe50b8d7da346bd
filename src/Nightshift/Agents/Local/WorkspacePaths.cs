namespace Nightshift.Agents.Local;

/// <summary>
/// Maps the paths tools print (relative to the worktree, where the checks run, or absolute) to one spelling,
/// worktree-relative with '/' separators, and refuses paths outside the worktree: an agent writes nowhere else.
/// </summary>
internal sealed class WorkspacePaths(string worktree)
{
    public string Root { get; } = Path.GetFullPath(worktree);

    /// <summary>The worktree-relative path, or null for an empty path, a pseudo-file or a file outside the worktree.</summary>
    public string? Relative(string? reported)
    {
        if (string.IsNullOrWhiteSpace(reported) || reported.StartsWith('<'))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Root, reported));
        var relative = Path.GetRelativePath(Root, full);
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    public string Full(string relative) => Path.Combine(Root, relative);
}
