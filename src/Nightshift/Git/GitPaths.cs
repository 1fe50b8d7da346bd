using Nightshift.Files;

namespace Nightshift.Git;

/// <summary>
/// Where a repository keeps what: the user's checkout, its git directories, and Nightshift's own directory
/// inside the checkout, the only place besides the session branch that Nightshift writes to.
/// </summary>
/// <param name="RepositoryRoot">The top level of the user's checkout (absolute, as git reports it).</param>
/// <param name="GitDirectory">The checkout's own git directory: its index and HEAD live here.</param>
/// <param name="CommonDirectory">Shared by all worktrees: objects, refs, worktree records.</param>
public sealed record GitPaths(string RepositoryRoot, string GitDirectory, string CommonDirectory)
{
    /// <summary>Nightshift's own folder in the checkout: attempt worktrees, scratch files, the journal.</summary>
    public NightshiftPaths State => NightshiftPaths.For(RepositoryRoot);

    /// <summary>The user's index, which no Nightshift command writes.</summary>
    public string UserIndex => Path.Combine(GitDirectory, "index");

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> itself or lies below it (no symlink resolution).</summary>
    public static bool IsWithin(string path, string directory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        return full.Equals(root, StringComparison.Ordinal)
            || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="path"/> is strictly below <see cref="NightshiftPaths.Worktrees"/>: an attempt's worktree or a file in it.</summary>
    public bool IsInAttemptWorktree(string path) =>
        IsWithin(path, State.Worktrees) && !IsWithin(State.Worktrees, path);

    /// <summary>True when <paramref name="path"/> is strictly below <see cref="NightshiftPaths.Scratch"/>.</summary>
    public bool IsScratch(string path) =>
        IsWithin(path, State.Scratch) && !IsWithin(State.Scratch, path);
}
