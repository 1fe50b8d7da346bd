namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>One family's dataset, split from a whole one by <c>agent.routes</c>.</summary>
/// <param name="Family">The route's model or adapter name, or <c>other</c>.</param>
/// <param name="Dataset">The family's dataset file, absolute; its manifest is beside it.</param>
/// <param name="Examples">Its lines.</param>
public sealed record DatasetFamily(string Family, string Dataset, int Examples);
