using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Nightshift.Files;

namespace Nightshift.Workloads.Bench.Results;

/// <summary>
/// Where benches live: <c>.nightshift/bench/&lt;bench-id&gt;/</c> with <c>bench.json</c> and <c>runs/</c> (a JSON file,
/// a transcript and a diff per run, and a .tar.gz of the workspace of each failed run).
/// </summary>
public sealed class BenchStore(string root)
{
    public const string ManifestFileName = "bench.json";
    public const string Last = "last";

    /// <summary>The directory holding every bench.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>A new id: the UTC start time, readable and sortable, and a random suffix against collisions.</summary>
    public static string NewId(DateTimeOffset now) =>
        $"{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";

    public string DirectoryOf(string id) => Path.Combine(Root, id);

    public string ManifestPath(string id) => Path.Combine(DirectoryOf(id), ManifestFileName);

    public RunFiles FilesOf(string id, string run) => new(DirectoryOf(id), run);

    public bool Exists(string id) => File.Exists(ManifestPath(id));

    /// <summary>Every bench with a manifest, oldest first.</summary>
    public IReadOnlyList<string> List() => !Directory.Exists(Root)
        ? []
        : Directory.EnumerateDirectories(Root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(Exists)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The id of <paramref name="idOrLast"/>: a bench id, or <c>last</c> for the most recent bench.</summary>
    /// <exception cref="BenchNotFoundException">There is no such bench.</exception>
    public string Resolve(string idOrLast)
    {
        ArgumentException.ThrowIfNullOrEmpty(idOrLast);
        if (idOrLast == Last)
        {
            // Ids start with their UTC start time, so the last in order is the most recent.
            return List() is [.., var last] ? last : throw new BenchNotFoundException($"There is no bench in {Root} yet. Start one with 'nightshift bench run SUITE.yml'.");
        }

        return Exists(idOrLast) ? idOrLast : throw new BenchNotFoundException(
            $"There is no bench '{idOrLast}' in {Root}. " +
            (List() is { Count: > 0 } ids ? $"Known benches: {string.Join(", ", ids.TakeLast(5))} (or 'last')." : "No bench has run here yet."));
    }

    public BenchManifest ReadManifest(string id)
    {
        var path = ManifestPath(id);
        try
        {
            return BenchJson.Deserialize<BenchManifest>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new BenchNotFoundException($"{path} is not a bench manifest ({e.Message}).");
        }
    }

    public void WriteManifest(BenchManifest manifest) => AtomicFile.WriteAllText(ManifestPath(manifest.Id), BenchJson.Serialize(manifest));

    public void WriteRun(string id, RunRecord record) => AtomicFile.WriteAllText(FilesOf(id, record.Run).Record, BenchJson.Serialize(record));

    /// <summary>The finished runs of a bench, by run id. Files that do not parse are skipped: their runs are not done.</summary>
    public IReadOnlyDictionary<string, RunRecord> ReadRuns(string id)
    {
        var runs = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
        var directory = Path.Combine(DirectoryOf(id), RunFiles.DirectoryName);
        if (!Directory.Exists(directory))
        {
            return runs;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*.json"))
        {
            try
            {
                var record = BenchJson.Deserialize<RunRecord>(File.ReadAllText(path));
                runs[record.Run] = record;
            }
            catch (JsonException)
            {
                // Written atomically, so only a hand-edited file gets here; running it again is the safe answer.
            }
        }

        return runs;
    }
}

/// <summary>The files of one run, under the bench's <c>runs/</c>; <see cref="Relative"/> gives the names bench.json uses.</summary>
public sealed record RunFiles(string BenchDirectory, string Run)
{
    public const string DirectoryName = "runs";

    public string Record => Path.Combine(BenchDirectory, DirectoryName, $"{Run}.json");

    public string Transcript => Path.Combine(BenchDirectory, DirectoryName, $"{Run}.transcript.jsonl");

    public string Diff => Path.Combine(BenchDirectory, DirectoryName, $"{Run}.diff");

    public string Archive => Path.Combine(BenchDirectory, DirectoryName, $"{Run}.workspace.tar.gz");

    public string Relative(string path) => Path.GetRelativePath(BenchDirectory, path);
}
