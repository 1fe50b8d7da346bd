using System.Text;
using System.Text.Json;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;

namespace Nightshift.Workloads.Learn.Metrics;

/// <summary>
/// <c>.nightshift/metrics.jsonl</c>: appends one record per line and reads them back. Lines of kinds this
/// build does not know (other workloads share the file) are skipped, not errors.
/// </summary>
public sealed class MetricsLog(string path)
{
    private static readonly HashSet<string> _kinds = ["day", "train", "eval", "gate"];

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Appends one line; a line is written whole with one append so a crash never leaves half a record.</summary>
    public async Task AppendAsync(MetricsRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var line = JsonSerializer.Serialize(record, LearnJson.Compact) + "\n";
        await using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every learn record in file order; empty when the file does not exist.</summary>
    public async Task<IReadOnlyList<MetricsRecord>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var records = new List<MetricsRecord>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(Path, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || !IsLearnRecord(line))
            {
                continue;
            }

            try
            {
                records.Add(JsonSerializer.Deserialize<MetricsRecord>(line, LearnJson.Compact)!);
            }
            catch (JsonException e)
            {
                throw new NightshiftException($"Line {number} of {Path} is not a readable metrics record: {e.Message}", innerException: e);
            }
        }

        return records;
    }

    // A torn last line (a crash of another writer) or another tool's text is not ours to read.
    private static bool IsLearnRecord(string line) =>
        JsonLines.TryParseObject(line) is { } record
        && record.TryGetProperty("kind", out var kind)
        && kind.ValueKind == JsonValueKind.String
        && _kinds.Contains(kind.GetString()!);
}
