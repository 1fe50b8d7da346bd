using System.Text.Json;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Cli;

/// <summary>
/// One uncached <c>nightshift baseline --json</c> over a copy of examples/rust-corpus, and rustc's own answer for the
/// same files, shared by a test class: both cost a few seconds of rustc on two cores. Tests that need a repository
/// of their own take a <see cref="CloneAsync"/>, which carries the journal along, so its probe results are cached.
/// </summary>
public sealed class BaselineRustCorpus : IDisposable
{
    private readonly TempDir _dir = new("baseline-rust");
    private readonly Lazy<Task<(CliRunResult Run, IReadOnlyList<RustcOutcome> Oracle)>> _first;

    public BaselineRustCorpus()
    {
        RustCorpus.CopyTo(Root);
        _first = new(async () =>
        {
            var run = await CliRun.InProcessAsync(Root, ["baseline", "--json"]);
            var oracle = await RustcOracle.CheckAllAsync(
                Directory.GetFiles(Path.Combine(Root, "corpus"), "*.rs").Order(StringComparer.Ordinal), CancellationToken.None);
            return (run, oracle);
        });
    }

    public string Root => _dir["first"];

    /// <summary>The first run, probed from scratch.</summary>
    public async Task<CliRunResult> FirstRunAsync() => (await _first.Value).Run;

    /// <summary>What rustc itself reports for every item of the corpus.</summary>
    public async Task<IReadOnlyList<RustcOutcome>> OracleAsync() => (await _first.Value).Oracle;

    public async Task<JsonElement> FirstJsonAsync()
    {
        var run = await FirstRunAsync();
        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    /// <summary>A fresh copy of the repository after the first run, journal (and so probe cache) included.</summary>
    public async Task<TempDir> CloneAsync()
    {
        await FirstRunAsync();
        var clone = new TempDir("baseline-clone");
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var target = clone[Path.GetRelativePath(Root, file)];
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return clone;
    }

    public void Dispose() => _dir.Dispose();
}
