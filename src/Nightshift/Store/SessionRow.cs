namespace Nightshift.Store;

/// <summary>
/// One session as journaled: a run of one workload on one branch under one configuration. <c>Sandbox</c> is what its
/// worktree commands ran in (bubblewrap, off), null when not recorded (older journals). <c>Model</c> is the model its
/// agents asked for (the configured or promoted one), null when its agents have none (suggest, replay) or for older journals.
/// </summary>
public sealed record SessionRow(
    long Id,
    string Workload,
    string Branch,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? StopReason,
    string ConfigHash,
    SessionState State,
    string? Sandbox = null,
    string? Model = null);
