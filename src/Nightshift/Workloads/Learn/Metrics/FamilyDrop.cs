namespace Nightshift.Workloads.Learn.Metrics;

/// <summary>A koan family whose pass rate fell below the best an earlier eval of the run reached on it.</summary>
/// <param name="Family">The koan family.</param>
/// <param name="Best">Its best pass rate in an earlier eval (the baseline, the promoted model, an earlier cycle's candidate).</param>
/// <param name="Now">Its pass rate in this cycle's candidate eval.</param>
public sealed record FamilyDrop(string Family, double Best, double Now)
{
    /// <summary>How far it fell, in pass rate (a share: 0.5 is 50 points).</summary>
    public double Drop => Best - Now;
}
