namespace Nightshift.Store;

/// <summary>
/// One cluster of a snapshot: <see cref="Count"/> diagnostics sharing <see cref="Key"/>, spread over
/// <see cref="Items"/> probed items (1 for a single-command probe).
/// </summary>
public sealed record ClusterRow(string Key, string Tool, string? Code, string Severity, int Count, int Items);
