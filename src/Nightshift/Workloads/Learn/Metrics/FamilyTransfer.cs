namespace Nightshift.Workloads.Learn.Metrics;

/// <summary>Forward transfer on one koan family: a cycle's candidate against the baseline on the family's eval koans.</summary>
/// <param name="Family">The koan family.</param>
/// <param name="Candidate">The candidate's pass rate on the family.</param>
/// <param name="Baseline">The baseline's (the agent as configured) pass rate on the family.</param>
public sealed record FamilyTransfer(string Family, double Candidate, double Baseline)
{
    /// <summary>The candidate's pass rate minus the baseline's: positive when training helped the family.</summary>
    public double Transfer => Candidate - Baseline;
}
