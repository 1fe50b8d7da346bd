namespace Nightshift.Store;

/// <summary>One snapshot as journaled, with its clusters largest first.</summary>
public sealed record SnapshotRow(
    long Id,
    long? SessionId,
    DateTimeOffset TakenAt,
    int Items,
    int ItemsFailing,
    int Errors,
    int Warnings,
    string? PayloadJson,
    IReadOnlyList<ClusterRow> Clusters);
