namespace Nightshift.Workspaces;

/// <summary>
/// What an attempt changed in its worktree, relative to the commit the worktree started from.
/// </summary>
/// <param name="BaseCommit">The session branch tip the worktree was created at.</param>
/// <param name="Tree">The tree of the worktree's content (provisioned files excluded): what a landing commits.</param>
/// <param name="Patch">The binary patch from <paramref name="BaseCommit"/> to <paramref name="Tree"/>, for the verifier and the journal.</param>
/// <param name="ChangedPaths">Paths the patch touches.</param>
public sealed record CapturedChange(string BaseCommit, string Tree, string Patch, IReadOnlyList<string> ChangedPaths)
{
    public bool IsEmpty => ChangedPaths.Count == 0;
}
