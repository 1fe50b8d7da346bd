namespace Nightshift.Landing;

/// <summary>The branch a session lands its commits on; never checked out in the user's tree.</summary>
/// <param name="Name">Short name, e.g. nightshift/2026-11-22 or nightshift/2026-11-22-2.</param>
/// <param name="BaseCommit">The user's HEAD when the session started.</param>
/// <param name="StartCommit">The branch tip when the session started: the base, the pending-changes snapshot, or a resumed tip.</param>
/// <param name="Resumed">True when an earlier session's branch is continued.</param>
/// <param name="PendingSnapshot">The commit holding the user's uncommitted changes (<see cref="PendingWork.Include"/>), if one was made.</param>
public sealed record SessionBranch(string Name, string BaseCommit, string StartCommit, bool Resumed, string? PendingSnapshot);
