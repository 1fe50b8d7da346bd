namespace Nightshift.Workloads.Learn.Koans;

/// <summary>
/// Proves every koan of a set is what it claims: its program fails (does not compile, or a test fails)
/// and passes once its reference solution replaces it. <c>nightshift koans check</c>, and a test in CI.
/// </summary>
public sealed class KoanChecker(KoanToolchain toolchain)
{
    /// <summary>
    /// Checks <paramref name="koans"/>, <paramref name="parallelism"/> at a time, reporting each as it finishes.
    /// Results come back in the order of <paramref name="koans"/>.
    /// </summary>
    public async Task<IReadOnlyList<KoanCheckResult>> CheckAsync(
        IReadOnlyList<Koan> koans,
        int parallelism,
        IProgress<KoanCheckResult>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(koans);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var results = new KoanCheckResult[koans.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, koans.Count), options, async (i, token) =>
        {
            results[i] = await CheckAsync(koans[i], token).ConfigureAwait(false);
            progress?.Report(results[i]);
        }).ConfigureAwait(false);
        return results;
    }

    public async Task<KoanCheckResult> CheckAsync(Koan koan, CancellationToken cancellationToken)
    {
        using var workspace = KoanWorkspace.Create(koan);
        var before = await toolchain.TestAsync(workspace.Path, workspace.BinDirectory, cancellationToken).ConfigureAwait(false);
        workspace.ApplySolution();
        var after = await toolchain.TestAsync(workspace.Path, workspace.BinDirectory, cancellationToken).ConfigureAwait(false);
        return new KoanCheckResult(koan, before, after);
    }
}
