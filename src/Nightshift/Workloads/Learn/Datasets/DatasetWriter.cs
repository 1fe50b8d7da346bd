using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>Writes a dataset as chat-messages JSON Lines and its manifest next to it, each file whole or not at all.</summary>
public static class DatasetWriter
{
    public static async Task<DatasetManifest> WriteAsync(
        Dataset dataset, string path, DatasetSources sources, DateTimeOffset createdAt, CancellationToken cancellationToken)
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
            [.. dataset.Examples.Select((e, i) => new DatasetManifestEntry(i + 1, e.Reason, e.EpisodeId, e.TaskId, e.ReplayLine))]);

        await WriteAtomicallyAsync(full, bytes, cancellationToken).ConfigureAwait(false);
        await WriteAtomicallyAsync(
            DatasetManifest.PathFor(full),
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(manifest, LearnJson.Indented) + "\n"),
            cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Writes to a temporary file in the same folder, then renames it over <paramref name="path"/>.</summary>
    public static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
