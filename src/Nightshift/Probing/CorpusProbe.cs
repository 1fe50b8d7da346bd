using System.Globalization;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Execution;

namespace Nightshift.Probing;

/// <summary>
/// A probe over a corpus (<c>probe.corpus</c>): every file matching the globs goes through the steps, items in
/// parallel, each item's result cached by content. Steps run in the root with placeholders filled (see
/// <see cref="StepTemplate"/>), each item in a private scratch folder (<c>{work}</c>) deleted afterwards.
/// </summary>
public sealed partial class CorpusProbe : IProbe
{
    private readonly ProbeConfig _config;
    private readonly CorpusConfig _corpus;
    private readonly IDiagnosticParser _parser;
    private readonly ProbeCache? _cache;
    private readonly ProcessRunner _runner;

    public CorpusProbe(ProbeConfig config, ProbeCache? cache = null, ProcessRunner? runner = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _corpus = config.Corpus ?? throw new ArgumentException("The probe configuration has no corpus.", nameof(config));
        if (_corpus.Steps.Count == 0 || _corpus.Steps.Any(step => step.Count == 0))
        {
            throw new ArgumentException("A corpus needs at least one step, and every step a program.", nameof(config));
        }

        _parser = DiagnosticParser.For(_corpus.Format, config.Pattern);
        _cache = cache;
        _runner = runner ?? new ProcessRunner();
    }

    /// <summary>Items probed at once: <c>probe.jobs</c>, or one per core.</summary>
    public int Jobs => _config.Jobs > 0 ? _config.Jobs : Environment.ProcessorCount;

    public async Task<Snapshot> RunAsync(
        string root, ProbeOptions options, IProgress<ProbeProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        var directory = Path.GetFullPath(root);
        if (!Directory.Exists(directory))
        {
            throw new ProbeException($"Cannot probe {directory}: the folder does not exist.");
        }

        var all = CorpusItems.Find(directory, _corpus);
        if (all.Count == 0)
        {
            var excluded = _corpus.Exclude.Count == 0 ? "" : $" once probe.corpus.exclude ({string.Join(", ", _corpus.Exclude)}) is left out";
            throw new ProbeException(
                $"probe.corpus.items ({string.Join(", ", _corpus.Items)}) matches no file in {directory}{excluded}; " +
                "check the globs, which are relative to the folder of nightshift.yml.");
        }

        var items = CorpusItems.Select(all, options.Items);
        var results = new ItemResult[items.Count];
        var completed = 0;
        var fingerprint = _cache is null ? null : new CorpusFingerprint(_config, directory, all, StepTemplate.Target(options, directory), _runner, cancellationToken);
        var scratch = ProbeScratch.Create();
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Jobs, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel, async (index, token) =>
            {
                var run = new ItemRun(
                    items[index], directory, Path.Combine(scratch.FullName, index.ToString(CultureInfo.InvariantCulture)), options);
                results[index] = await ProbeItemAsync(run, options, fingerprint, token).ConfigureAwait(false);
                progress?.Report(new ProbeProgress(items[index], Interlocked.Increment(ref completed), items.Count, results[index].Cached));
            }).ConfigureAwait(false);
        }
        finally
        {
            ProbeScratch.TryDelete(scratch.FullName);
        }

        return new Snapshot(results);
    }

    private async Task<ItemResult> ProbeItemAsync(
        ItemRun run, ProbeOptions options, CorpusFingerprint? fingerprint, CancellationToken cancellationToken)
    {
        var key = fingerprint is null ? null : await fingerprint.KeyAsync(run.Item, cancellationToken).ConfigureAwait(false);
        if (key is not null && options.UseCache && await _cache!.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            return new ItemResult(run.Item, hit.Diagnostics, hit.ExitCode, Cached: true, TimeSpan.Zero);
        }

        var outcome = await RunStepsAsync(run, cancellationToken).ConfigureAwait(false);
        if (key is not null && outcome.IsRepeatable)
        {
            await _cache!.PutAsync(key, new CachedItem(outcome.Result.Diagnostics, outcome.Result.ExitCode), cancellationToken)
                .ConfigureAwait(false);
        }

        return outcome.Result;
    }

    /// <summary>One item's place: its relative path, the checkout, its scratch folder, and the run's environment.</summary>
    private sealed record ItemRun(string Item, string Root, string Work, ProbeOptions Options);

    /// <summary>
    /// A fresh result, and whether running the steps again would give it again: a timeout, a missing tool or
    /// truncated output depend on the machine's state, not on the item, and are never cached.
    /// </summary>
    private sealed record StepsOutcome(ItemResult Result, bool IsRepeatable);
}
