using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;

namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>Writes a dataset as chat-messages JSON Lines and its manifest next to it, each file whole or not at all.</summary>
public static class DatasetWriter
{
    public static Task<DatasetManifest> WriteAsync(
        Dataset dataset,
        string path,
        DatasetSources sources,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken,
        IReadOnlyList<DatasetFamily>? families = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(sources);
        var full = Path.GetFullPath(path);
        var text = new StringBuilder();
        foreach (var example in dataset.Examples)
        {
            text.Append(example.Example.ToLine()).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var manifest = new DatasetManifest(
            full,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            createdAt,
            DatasetManifest.ChatMessagesFormat,
            dataset.Counts,
            sources,
            [.. dataset.Examples.Select((e, i) => new DatasetManifestEntry(i + 1, e.Reason, e.EpisodeId, e.TaskId, e.ReplayLine))])
        {
            Families = families ?? [],
        };

        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.WriteAllBytes(full, bytes);
        AtomicFile.WriteAllText(DatasetManifest.PathFor(full), JsonSerializer.Serialize(manifest, LearnJson.Indented) + "\n");
        return Task.FromResult(manifest);
    }
}
