using Nightshift.Git;

namespace Nightshift.Agents.Tools;

/// <summary>What the tools of one agent run share: the confined worktree, the checks, git apply there, and the files changed so far.</summary>
internal sealed class ToolContext(WorktreePaths paths, IWorkspaceChecks checks, WorktreePatcher patcher)
{
    public WorktreePaths Paths { get; } = paths;

    public IWorkspaceChecks Checks { get; } = checks;

    /// <summary>apply_patch's git apply, through the git layer's settings and guard.</summary>
    public WorktreePatcher Patcher { get; } = patcher;

    /// <summary>Worktree-relative paths the agent wrote, edited or patched: what <c>run_check</c> checks by default.</summary>
    public SortedSet<string> TouchedFiles { get; } = new(StringComparer.Ordinal);
}
