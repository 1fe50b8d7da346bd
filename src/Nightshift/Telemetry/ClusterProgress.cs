namespace Nightshift.Telemetry;

/// <summary>One cluster's diagnostic count in the baseline snapshot and in the latest one (0 when absent).</summary>
public sealed record ClusterProgress(string Key, int Before, int Now);
