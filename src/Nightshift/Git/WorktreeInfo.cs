namespace Nightshift.Git;

/// <summary>One worktree as <c>git worktree list --porcelain</c> reports it.</summary>
/// <param name="Path">Its folder (absolute).</param>
/// <param name="Head">The commit checked out there.</param>
/// <param name="Branch">The full ref checked out there (refs/heads/...), or null when detached.</param>
/// <param name="IsPrunable">Its folder is gone; only its record in the git directory remains.</param>
public sealed record WorktreeInfo(string Path, string? Head, string? Branch, bool IsPrunable)
{
    /// <summary>
    /// Parses <c>git worktree list --porcelain</c>: one attribute per line, worktrees separated by an empty line. (The NUL
    /// separated <c>-z</c> form would survive paths with newlines, but needs git 2.36.)
    /// </summary>
    public static IReadOnlyList<WorktreeInfo> ParsePorcelain(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var worktrees = new List<WorktreeInfo>();
        WorktreeInfo? current = null;
        foreach (var attribute in output.Split('\n'))
        {
            var (key, value) = attribute.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0
                ? (attribute[..space], attribute[(space + 1)..])
                : (attribute, "");
            switch (key)
            {
                case "worktree":
                    current = new WorktreeInfo(value, null, null, false);
                    worktrees.Add(current);
                    break;
                case "HEAD" when current is not null:
                    worktrees[^1] = current = current with { Head = value };
                    break;
                case "branch" when current is not null:
                    worktrees[^1] = current = current with { Branch = value };
                    break;
                case "prunable" when current is not null:
                    worktrees[^1] = current = current with { IsPrunable = true };
                    break;
                default:
                    break;
            }
        }

        return worktrees;
    }
}
