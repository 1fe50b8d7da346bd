namespace Nightshift.Reports;

/// <summary>What counts as a good night. The defaults are the project's; a workload or a test may ask for others.</summary>
/// <param name="MinCommits">At least this many commits landed.</param>
/// <param name="TestsMustPass">The tests still pass at the end: no tests_broken alert, and the last accepted verdict
/// measured no failing test.</param>
/// <param name="TopClusterReduction">The largest cluster of the first snapshot shrank by at least this share (0.5 = half).</param>
public sealed record ReportTargets(int MinCommits = 5, bool TestsMustPass = true, double TopClusterReduction = 0.5)
{
    public static ReportTargets Default { get; } = new();
}
