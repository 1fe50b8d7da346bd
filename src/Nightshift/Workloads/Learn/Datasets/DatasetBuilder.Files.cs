using Nightshift.Attempts.Episodes;
using Nightshift.Store;

namespace Nightshift.Workloads.Learn.Datasets;

public sealed partial class DatasetBuilder
{
    /// <summary>
    /// Builds a dataset from every episode of <paramref name="journal"/> and the replay buffer at
    /// <paramref name="replayPath"/> (if any), and writes it with its manifest to <paramref name="outputPath"/>.
    /// </summary>
    public async Task<DatasetManifest> BuildAsync(
        Journal journal,
        string? replayPath,
        DatasetOptions options,
        string outputPath,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var episodes = await new EpisodeJournal(journal).ReadAsync(EpisodeQuery.All, cancellationToken).ConfigureAwait(false);
        var replay = replayPath is null ? null : await ReplayBuffer.LoadAsync(replayPath, cancellationToken).ConfigureAwait(false);
        var dataset = Build(episodes, replay, options);
        var sources = new DatasetSources(
            journal.DatabasePath, guard.EvalSetHash, replay?.Path, replay?.Sha256, options.ReplayRatio, options.Seed, options.DuplicateThreshold);
        return await DatasetWriter.WriteAsync(dataset, outputPath, sources, createdAt, cancellationToken).ConfigureAwait(false);
    }
}
