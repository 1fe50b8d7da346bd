namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>An example with where it came from: an episode of the journal, or a line of the replay buffer.</summary>
public sealed record DatasetExample(ChatExample Example, ExampleReason Reason, long? EpisodeId, string? TaskId, int? ReplayLine);
