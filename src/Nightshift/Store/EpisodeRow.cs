namespace Nightshift.Store;

/// <summary>One episode as journaled, with what it shares with its attempt and task.</summary>
public sealed record EpisodeRow(
    long Id,
    long AttemptId,
    long SessionId,
    string Workload,
    string TaskKind,
    string TaskKey,
    string TaskJson,
    string Outcome,
    string Agent,
    string? Model,
    string? DiagnosticsBeforeJson,
    string? DiagnosticsAfterJson,
    string? TranscriptJson,
    int? Steps,
    int? StepsToGreen,
    string? Diff,
    string? VerdictJson,
    string? TranscriptPath,
    DateTimeOffset CreatedAt);
