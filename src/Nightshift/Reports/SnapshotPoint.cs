namespace Nightshift.Reports;

/// <summary>One snapshot of the session: a point of the errors-over-the-night chart.</summary>
public sealed record SnapshotPoint(long SnapshotId, DateTimeOffset TakenAt, int Errors, int Warnings);
