namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>One line of a dataset: its number, why it is there and where it came from.</summary>
public sealed record DatasetManifestEntry(int Line, ExampleReason Reason, long? EpisodeId, string? Task, int? ReplayLine);
