namespace Nightshift.Telemetry;

/// <summary>Errors in the session's baseline snapshot and in its latest one; null before the first measurement.</summary>
public sealed record ErrorCounts(int? Baseline, int? Now);
