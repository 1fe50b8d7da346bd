namespace Nightshift.Agents.Tools;

/// <summary>
/// Confines every path a tool touches to the worktree. A path is refused when it is absolute, when it
/// contains <c>..</c>, or when its real path (every symbolic link resolved, a dangling one included,
/// since writing through it would create its target) lies outside the worktree's real path. Writes into
/// <c>.git</c>, at any depth, are refused too: hooks, a nested repository's config and the worktree's
/// link to its repository are not the agent's.
/// </summary>
internal sealed class WorktreePaths
{
    /// <summary>Linux's own limit on links followed while resolving one path (ELOOP).</summary>
    private const int MaxLinks = 40;

    public WorktreePaths(string worktree)
    {
        Root = RealPath(Path.GetFullPath(worktree));
    }

    /// <summary>The worktree's real path.</summary>
    public string Root { get; }

    /// <summary>The real path a worktree-relative path stands for; throws <see cref="ToolException"/> when it leaves the worktree.</summary>
    public string Resolve(string path, bool forWriting = false)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ToolException("the path is empty. Give a path relative to the worktree root, such as src/main.rs.");
        }

        if (Path.IsPathRooted(path) || path.StartsWith('~'))
        {
            throw new ToolException($"'{path}' is refused: absolute paths are not allowed. Give a path relative to the worktree root.");
        }

        if (path.Split('/').Contains(".."))
        {
            throw new ToolException($"'{path}' is refused: '..' may not appear in a path. Every path stays inside the worktree.");
        }

        var real = RealPath(Path.GetFullPath(Path.Combine(Root, path)));
        if (!IsInside(real))
        {
            throw new ToolException($"'{path}' is refused: a symbolic link takes it outside the worktree.");
        }

        if (forWriting && Relative(real).Split('/').Contains(".git"))
        {
            throw new ToolException($"'{path}' is refused: a .git folder or file (at any depth) belongs to git, not to the agent.");
        }

        return real;
    }

    /// <summary>The worktree-relative form of a path inside the worktree, with forward slashes.</summary>
    public string Relative(string fullPath) =>
        Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    public bool IsInside(string realPath) =>
        realPath == Root || realPath.StartsWith(Root.EndsWith('/') ? Root : Root + "/", StringComparison.Ordinal);

    /// <summary>
    /// realpath(3), except that a path need not exist: components are resolved one by one, each symbolic
    /// link replaced by its target, and whatever does not exist yet is taken as written.
    /// </summary>
    private static string RealPath(string absolutePath)
    {
        var pending = new LinkedList<string>(absolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var current = "/";
        var links = 0;
        while (pending.First is { } first)
        {
            var segment = first.Value;
            pending.RemoveFirst();
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            var candidate = Path.Join(current, segment);
            if (new FileInfo(candidate).LinkTarget is not { } target)
            {
                current = candidate;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new ToolException($"'{absolutePath}' is refused: too many levels of symbolic links.");
            }

            foreach (var part in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.AddFirst(part);
            }

            if (Path.IsPathRooted(target))
            {
                current = "/";
            }
        }

        return current;
    }
}
