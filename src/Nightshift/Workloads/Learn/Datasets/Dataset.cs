namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>A built dataset: its examples in file order, and the counts for its manifest.</summary>
public sealed record Dataset(IReadOnlyList<DatasetExample> Examples, DatasetCounts Counts);
