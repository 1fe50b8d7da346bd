using System.Text.Json;

namespace Nightshift.Tests.Support;

/// <summary>
/// The reference answer for corpus probes: runs the real rustc with the flags of the probe step in
/// examples/rust-corpus/nightshift.yml and counts errors per code straight from rustc's JSON, with its own
/// few lines of parsing, so that tests can hold Nightshift's parsers and baseline against it.
/// </summary>
public static class RustcOracle
{
    private static readonly TimeSpan _itemTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Checks every file, two at a time (the build machines have two cores).</summary>
    public static async Task<IReadOnlyList<RustcOutcome>> CheckAllAsync(
        IEnumerable<string> files, CancellationToken cancellationToken)
    {
        using var work = new TempDir("rustc-oracle");
        var list = files.ToList();
        var outcomes = new RustcOutcome[list.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), options, async (i, token) =>
            outcomes[i] = await CheckAsync(list[i], work.Path, token));
        return outcomes;
    }

    /// <summary>Checks one file; the metadata rustc may emit goes to <paramref name="workDirectory"/>.</summary>
    public static async Task<RustcOutcome> CheckAsync(
        string file, string workDirectory, CancellationToken cancellationToken)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        string[] arguments =
        [
            "--edition=2021", "--error-format=json", "--emit=metadata",
            "--crate-name", stem, "-o", Path.Combine(workDirectory, $"{stem}.rmeta"), file,
        ];
        var run = await ToolRun.RunAsync(
            "rustc", arguments, workDirectory, environment: null, _itemTimeout, cancellationToken);
        return new RustcOutcome(file, run.ExitCode, CountErrorCodes(run.StandardError));
    }

    /// <summary>
    /// Error-level diagnostics per code in rustc's JSON lines. Messages without a code
    /// ("aborting due to 2 previous errors") and warnings are not counted.
    /// </summary>
    public static IReadOnlyDictionary<string, int> CountErrorCodes(string jsonLines)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in jsonLines.Split('\n'))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            using var message = JsonDocument.Parse(line);
            var root = message.RootElement;
            if (root.TryGetProperty("level", out var level) && level.GetString() == "error"
                && root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Object
                && code.GetProperty("code").GetString() is { } name)
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        return counts;
    }

    /// <summary>Errors per code summed over <paramref name="outcomes"/>.</summary>
    public static IReadOnlyDictionary<string, int> Totals(IEnumerable<RustcOutcome> outcomes)
    {
        var totals = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, count) in outcomes.SelectMany(o => o.ErrorCodes))
        {
            totals[code] = totals.GetValueOrDefault(code) + count;
        }

        return totals;
    }
}
