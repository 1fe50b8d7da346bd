namespace Nightshift.Workloads.Learn.Metrics;

/// <summary>The continual-learning figures of one cycle's candidate (see <see cref="ContinualMetrics"/>).</summary>
/// <param name="Cycle">The cycle (1-based).</param>
/// <param name="Model">The candidate model.</param>
/// <param name="LargestDrop">The family that fell furthest below its best earlier pass rate; null when none fell.</param>
/// <param name="ForwardTransfer">Per family, ordered by family: the candidate's pass rate minus the baseline's.</param>
public sealed record ContinualCycle(int Cycle, string? Model, FamilyDrop? LargestDrop, IReadOnlyList<FamilyTransfer> ForwardTransfer)
{
    /// <summary>The largest drop of any family from its best earlier pass rate; 0 when no family fell.</summary>
    public double Forgetting => LargestDrop?.Drop ?? 0;
}
