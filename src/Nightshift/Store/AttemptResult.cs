namespace Nightshift.Store;

/// <summary>What an agent run produced, journaled when the agent stops (before verification).</summary>
public sealed record AttemptResult(
    string StopReason,
    long TokensIn,
    long TokensOut,
    decimal CostUsd,
    string? Diff,
    string? TranscriptPath);
