namespace Nightshift.Store;

/// <summary>One attempt as journaled.</summary>
public sealed record AttemptRow(
    long Id,
    long SessionId,
    long TaskId,
    string Agent,
    AttemptState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? StopReason,
    long TokensIn,
    long TokensOut,
    decimal CostUsd,
    string? Diff,
    string? TranscriptPath,
    string? VerdictJson);
