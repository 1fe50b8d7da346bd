using System.Globalization;
using Nightshift.Git;

namespace Nightshift.Landing;

/// <summary>
/// Opens a session's branch: created from the user's HEAD with <c>git branch &lt;name&gt; &lt;sha&gt;</c> (never checked
/// out, so the user's branch, index and files stay as they are), or an earlier session's branch continued on resume.
/// </summary>
public static class SessionBranches
{
    /// <summary>The trailer of the commit that holds the user's uncommitted changes (<see cref="PendingWork.Include"/>).</summary>
    public const string PendingTrailer = "Nightshift-Pending";

    /// <summary>
    /// Opens the session branch named by <see cref="LandingOptions.Branch"/> for the local time of <paramref name="clock"/> and
    /// <paramref name="sessionId"/>.
    /// When that branch exists, <paramref name="resume"/> continues it; otherwise the first free name with a suffix
    /// (<c>-2</c>, <c>-3</c>...) is created. Uncommitted changes are refused or snapshotted per <see cref="LandingOptions.PendingWork"/>.
    /// </summary>
    /// <param name="repository">The user's repository.</param>
    /// <param name="options">The landing settings: branch template and what to do with uncommitted changes.</param>
    /// <param name="sessionId">The journal's session: <c>{session}</c> in the branch template, and named in the snapshot commit's trailer.</param>
    /// <param name="resume">Continue the branch of an earlier session when it exists.</param>
    /// <param name="privateFiles">Files never committed nor counted as uncommitted changes: the workspaces' provisioned files
    /// (<see cref="Workspaces.WorkspaceOptions.CopyFiles"/>, e.g. <c>.env</c>).</param>
    /// <param name="clock">Gives the local date and time for <c>{date}</c> and <c>{time}</c>; the system clock when null.</param>
    /// <param name="cancellationToken">Stops git.</param>
    /// <exception cref="PendingChangesException">Uncommitted changes and <see cref="PendingWork.Refuse"/>.</exception>
    /// <exception cref="NightshiftException">Invalid branch template, no commit yet, the branch to resume is checked out, or the
    /// uncommitted changes conflict with the resumed branch.</exception>
    public static async Task<SessionBranch> OpenAsync(
        GitRepository repository,
        LandingOptions options,
        long sessionId,
        bool resume,
        IReadOnlyList<string> privateFiles,
        TimeProvider? clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(options);
        repository.Paths.State.EnsureCreated();
        var head = await repository.HeadAsync(cancellationToken).ConfigureAwait(false);
        var pending = await repository.PendingChangesAsync(privateFiles, cancellationToken).ConfigureAwait(false);
        if (pending.Count > 0 && options.PendingWork == PendingWork.Refuse)
        {
            throw new PendingChangesException(repository.RepositoryRoot, pending);
        }

        var name = LandingTemplates.RenderBranch(options.Branch, (clock ?? TimeProvider.System).GetLocalNow().DateTime, sessionId);
        if (!await repository.IsValidBranchNameAsync(name, cancellationToken).ConfigureAwait(false))
        {
            throw new NightshiftException($"landing.branch '{options.Branch}' gives '{name}', which is not a valid git branch name.");
        }

        if (resume && await repository.BranchTipAsync(name, cancellationToken).ConfigureAwait(false) is { } tip)
        {
            return await ResumeAsync(repository, name, head, tip, pending, privateFiles, sessionId, cancellationToken).ConfigureAwait(false);
        }

        name = await FreeNameAsync(repository, name, cancellationToken).ConfigureAwait(false);
        var start = pending.Count > 0
            ? await SnapshotAsync(repository, head, pending, privateFiles, sessionId, cancellationToken).ConfigureAwait(false)
            : head;
        await repository.CreateBranchAsync(name, start, cancellationToken).ConfigureAwait(false);
        return new SessionBranch(name, head, start, Resumed: false, start == head ? null : start);
    }

    private static async Task<SessionBranch> ResumeAsync(
        GitRepository repository,
        string name,
        string head,
        string tip,
        IReadOnlyList<PendingChange> pending,
        IReadOnlyList<string> privateFiles,
        long sessionId,
        CancellationToken cancellationToken)
    {
        var worktrees = await repository.ListWorktreesAsync(cancellationToken).ConfigureAwait(false);
        if (worktrees.FirstOrDefault(w => w.Branch == $"refs/heads/{name}") is { } checkedOut)
        {
            throw new NightshiftException(
                $"The session branch {name} is checked out in {checkedOut.Path}, so Nightshift cannot land on it: switch that "
                + "checkout to another branch, or start a new session branch (without resume).");
        }

        if (pending.Count == 0)
        {
            return new SessionBranch(name, head, tip, Resumed: true, null);
        }

        // Replay on the tip only what changed since the branch's latest snapshot of the working tree (or since HEAD when it has
        // none): the earlier session may have taken the same changes already, and the user may have edited more since.
        var snapshot = await repository.SnapshotWorkingTreeAsync(privateFiles, cancellationToken).ConfigureAwait(false);
        var from = await LatestSnapshotAsync(repository, head, tip, cancellationToken).ConfigureAwait(false) ?? head;
        if (await repository.TreeOfAsync(from, cancellationToken).ConfigureAwait(false) == snapshot)
        {
            return new SessionBranch(name, head, tip, Resumed: true, null);
        }

        using var patch = ScratchFile.Create(repository, "pending");
        await repository.WriteDiffAsync(from, snapshot, patch.Path, cancellationToken).ConfigureAwait(false);
        var tree = await repository.TryApplyToCommitAsync(tip, patch.Path, reverse: false, cancellationToken).ConfigureAwait(false);
        if (tree is null && await repository.TryApplyToCommitAsync(tip, patch.Path, reverse: true, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new SessionBranch(name, head, tip, Resumed: true, null); // the tip holds these changes already
        }

        if (tree is null)
        {
            throw new NightshiftException(
                $"The uncommitted changes in {repository.RepositoryRoot} do not apply to the session branch {name} being resumed: "
                + "commit or stash them, or start a new session branch (without resume).");
        }

        var commit = await repository.CommitTreeAsync(tree, tip, PendingMessage(pending, sessionId), cancellationToken).ConfigureAwait(false);
        if (!await repository.TryAdvanceBranchAsync(name, commit, tip, cancellationToken).ConfigureAwait(false))
        {
            throw new NightshiftException($"The session branch {name} moved while the session started; start it again.");
        }

        return new SessionBranch(name, head, commit, Resumed: true, commit);
    }

    private static async Task<string> SnapshotAsync(
        GitRepository repository,
        string head,
        IReadOnlyList<PendingChange> pending,
        IReadOnlyList<string> privateFiles,
        long sessionId,
        CancellationToken cancellationToken)
    {
        var tree = await repository.SnapshotWorkingTreeAsync(privateFiles, cancellationToken).ConfigureAwait(false);
        if (tree == await repository.TreeOfAsync(head, cancellationToken).ConfigureAwait(false))
        {
            return head; // only changes git sees as none (e.g. a file touched back to its committed content)
        }

        return await repository.CommitTreeAsync(tree, head, PendingMessage(pending, sessionId), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> LatestSnapshotAsync(GitRepository repository, string head, string tip, CancellationToken cancellationToken)
    {
        var commits = await repository.CommitsWithTrailersAsync($"{head}..{tip}", maxCount: null, cancellationToken).ConfigureAwait(false);
        return commits.FirstOrDefault(commit => commit[PendingTrailer] is not null)?.Sha;
    }

    private static async Task<string> FreeNameAsync(GitRepository repository, string name, CancellationToken cancellationToken)
    {
        var candidate = name;
        for (var n = 2; await repository.BranchTipAsync(candidate, cancellationToken).ConfigureAwait(false) is not null; n++)
        {
            candidate = $"{name}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }

    private static string PendingMessage(IReadOnlyList<PendingChange> pending, long sessionId) =>
        $"""
        Nightshift: uncommitted changes the session started from

        The working tree's tracked changes and untracked files (landing.pending: include).

        Nightshift-Session: {sessionId.ToString(CultureInfo.InvariantCulture)}
        {PendingTrailer}: {pending.Count.ToString(CultureInfo.InvariantCulture)} paths

        """;
}
