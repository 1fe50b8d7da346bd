namespace Nightshift.Store;

/// <summary>
/// What one session did, counted in the journal: its commits, attempts (and how many were rejected),
/// what they cost, and the error counts of its first and last snapshot (null without snapshots).
/// </summary>
public sealed record SessionTotalsRow(
    long SessionId,
    int Commits,
    int Attempts,
    int Rejected,
    long TokensIn,
    long TokensOut,
    decimal CostUsd,
    int? ErrorsFirst,
    int? ErrorsLast);
