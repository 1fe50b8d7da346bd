namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>What a dataset was built from and with.</summary>
/// <param name="Journal">The journal the episodes were read from.</param>
/// <param name="EvalSetHash">The eval set kept out (<see cref="Koans.KoanSet.EvalSetHash"/>).</param>
/// <param name="Replay">The replay buffer, when one was mixed in.</param>
/// <param name="ReplaySha256">Of the replay buffer's bytes.</param>
/// <param name="ReplayRatio">The share of the dataset meant to come from the replay buffer.</param>
/// <param name="Seed">Seeded the draw from the replay buffer.</param>
/// <param name="DuplicateThreshold">The similarity from which examples counted as one.</param>
public sealed record DatasetSources(
    string? Journal,
    string EvalSetHash,
    string? Replay,
    string? ReplaySha256,
    double ReplayRatio,
    int Seed,
    double DuplicateThreshold);
