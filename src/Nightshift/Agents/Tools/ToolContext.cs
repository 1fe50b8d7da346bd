using Nightshift.Execution;

namespace Nightshift.Agents.Tools;

/// <summary>What the tools of one agent run share: the confined worktree, the checks, and the files changed so far.</summary>
internal sealed class ToolContext(WorktreePaths paths, IWorkspaceChecks checks, ProcessRunner runner)
{
    public WorktreePaths Paths { get; } = paths;

    public IWorkspaceChecks Checks { get; } = checks;

    public ProcessRunner Runner { get; } = runner;

    /// <summary>Worktree-relative paths the agent wrote, edited or patched: what <c>run_check</c> checks by default.</summary>
    public SortedSet<string> TouchedFiles { get; } = new(StringComparer.Ordinal);
}
