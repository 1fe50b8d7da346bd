namespace Nightshift.Workloads.Learn.Evaluation;

/// <summary>An eval's figures on one koan family: how many of its runs there were and how many passed.</summary>
/// <param name="Family">The koans' category (borrow, traits, result-option in the bundled set).</param>
/// <param name="Runs">The family's eval runs.</param>
/// <param name="Passed">Those whose koan tests pass.</param>
public sealed record FamilyScore(string Family, int Runs, int Passed)
{
    /// <summary>Passed runs over the family's runs (0 when it had none).</summary>
    public double PassRate => Runs == 0 ? 0 : (double)Passed / Runs;

    /// <summary>One score per family among <paramref name="runs"/>, ordered by family name (ordinal).</summary>
    public static IReadOnlyList<FamilyScore> Of(IEnumerable<EvalRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return [.. runs.GroupBy(r => r.Family, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FamilyScore(g.Key, g.Count(), g.Count(r => r.Passed)))];
    }
}
