using Nightshift.Execution;

namespace Nightshift.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Pushes branch <paramref name="branch"/> to the same name on <paramref name="remote"/>, once, never forced. Returns the run;
    /// a rejected or failed push is a result, not an exception.
    /// </summary>
    /// <exception cref="UnsafeGitCommandException">The branch is checked out in a worktree.</exception>
    /// <exception cref="GitException">The push did not finish within <see cref="GitOptions.NetworkTimeout"/>.</exception>
    public Task<CommandResult> PushBranchAsync(string remote, string branch, CancellationToken cancellationToken) =>
        RunAsync(
            new GitCall(["push", "--porcelain", remote, $"{BranchPrefix}{branch}:{BranchPrefix}{branch}"]) { UsesNetwork = true },
            cancellationToken);
}
