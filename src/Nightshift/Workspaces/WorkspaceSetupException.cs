namespace Nightshift.Workspaces;

/// <summary>An attempt's worktree could not be provisioned (its setup command failed). Ends that attempt, not the session.</summary>
public sealed class WorkspaceSetupException(string message, Exception? innerException = null)
    : NightshiftException(message, isFatal: false, innerException);
