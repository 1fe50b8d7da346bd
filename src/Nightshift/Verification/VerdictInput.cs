using Nightshift.Clustering;
using Nightshift.Configuration;
using Nightshift.Probing;

namespace Nightshift.Verification;

/// <summary>Everything a verdict is decided on, for every workload: what it measured is set, what it did not is null.</summary>
/// <param name="Target">The cluster the attempt was asked to shrink; null for a workload that measures no clusters.</param>
/// <param name="Before">The baseline probe (the session branch tip the attempt started from); null exactly when <paramref name="Target"/> is.</param>
/// <param name="After">The probe of the attempt's worktree; null exactly when <paramref name="Target"/> is.</param>
/// <param name="TestsBefore">The baseline test suite, run <c>tests.runs</c> times; null when no tests are configured.</param>
/// <param name="TestsAfter">The suite in the attempt's worktree; null exactly when <paramref name="TestsBefore"/> is.</param>
/// <param name="Diff">The attempt's change as <c>git diff</c> writes it (default a/ b/ prefixes, no colour).</param>
/// <param name="Policy">What a fix may not do; null where no policy applies (a koan's exercise).</param>
public sealed record VerdictInput(
    ClusterKey? Target,
    Snapshot? Before,
    Snapshot? After,
    TestSuiteResult? TestsBefore,
    TestSuiteResult? TestsAfter,
    string Diff,
    PolicyConfig? Policy)
{
    /// <summary>The workload's own rules (crash-watch's build and repro, a koan's tests), each failing one a reason.</summary>
    public IReadOnlyList<VerdictCheck> Checks { get; init; } = [];

    /// <summary>What the agent said when it changed nothing, for the "changed nothing" reason.</summary>
    public string? UnchangedBecause { get; init; }

    /// <summary>An attempt measured without clusters: crash-watch's and the koans'.</summary>
    public static VerdictInput WithoutClusters(
        TestSuiteResult? testsBefore, TestSuiteResult? testsAfter, string diff, PolicyConfig? policy, IReadOnlyList<VerdictCheck> checks) =>
        new(null, null, null, testsBefore, testsAfter, diff, policy) { Checks = checks };
}
