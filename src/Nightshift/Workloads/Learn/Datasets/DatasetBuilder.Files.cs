using Nightshift.Attempts.Episodes;
using Nightshift.Store;

namespace Nightshift.Workloads.Learn.Datasets;

public sealed partial class DatasetBuilder
{
    /// <summary>How to split a dataset by family: the routes, and the koan set that names koans' categories.</summary>
    public sealed record FamilySplit(IReadOnlyList<Configuration.AgentRoute> Routes, Koans.KoanSet? Koans);

    /// <summary>
    /// Builds a dataset from every episode of <paramref name="journal"/> and the replay buffer at
    /// <paramref name="replayPath"/> (if any), and writes it with its manifest to <paramref name="outputPath"/>; with
    /// <paramref name="families"/>, also one dataset per family beside it (<see cref="DatasetFamilies"/>).
    /// </summary>
    public async Task<DatasetManifest> BuildAsync(
        Journal journal,
        string? replayPath,
        DatasetOptions options,
        string outputPath,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken,
        FamilySplit? families = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var episodes = await new EpisodeJournal(journal).ReadAsync(EpisodeQuery.All, cancellationToken).ConfigureAwait(false);
        var replay = replayPath is null ? null : await ReplayBuffer.LoadAsync(replayPath, cancellationToken).ConfigureAwait(false);
        var dataset = Build(episodes, replay, options);
        var sources = new DatasetSources(
            journal.DatabasePath, guard.EvalSetHash, replay?.Path, replay?.Sha256, options.ReplayRatio, options.Seed, options.DuplicateThreshold);
        // With families, one file per family beside the whole dataset (train.jsonl → train.borrow.jsonl), each with its
        // manifest, written first so that the whole dataset's manifest can list them.
        var written = new List<DatasetFamily>();
        if (families is not null)
        {
            var stem = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, Path.GetFileNameWithoutExtension(outputPath));
            foreach (var (family, part) in DatasetFamilies.Split(dataset, episodes, families.Routes, families.Koans))
            {
                var path = $"{stem}.{FileName(family)}.jsonl";
                await DatasetWriter.WriteAsync(part, path, sources, createdAt, cancellationToken).ConfigureAwait(false);
                written.Add(new DatasetFamily(family, Path.GetFullPath(path), part.Examples.Count));
            }
        }

        return await DatasetWriter.WriteAsync(dataset, outputPath, sources, createdAt, cancellationToken, written).ConfigureAwait(false);
    }

    /// <summary>A family name fit for a file name: a model name may hold a slash or a colon (org/model:tag).</summary>
    private static string FileName(string family) =>
        string.Concat(family.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
