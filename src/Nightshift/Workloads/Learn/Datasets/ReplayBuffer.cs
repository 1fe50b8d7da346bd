using System.Security.Cryptography;

namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>Earlier training data (a dataset file written before) that new datasets mix in at a ratio.</summary>
/// <param name="Path">The file, absolute.</param>
/// <param name="Sha256">Of the file's bytes, for the manifest.</param>
/// <param name="Examples">Each example with its 1-based line number.</param>
public sealed record ReplayBuffer(string Path, string Sha256, IReadOnlyList<(int Line, ChatExample Example)> Examples)
{
    /// <exception cref="NightshiftException">The file cannot be read, or a line is not a chat example.</exception>
    public static async Task<ReplayBuffer> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NightshiftException($"The replay buffer {full} cannot be read: {e.Message}", innerException: e);
        }

        var examples = new List<(int, ChatExample)>();
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            examples.Add((i + 1, ChatExample.FromLine(lines[i]) ?? throw new NightshiftException(
                $"Line {i + 1} of the replay buffer {full} is not a chat example ({{\"messages\":[{{\"role\":..,\"content\":..}}]}}).")));
        }

        return new ReplayBuffer(full, Convert.ToHexStringLower(SHA256.HashData(bytes)), examples);
    }
}
