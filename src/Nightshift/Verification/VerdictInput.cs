using Nightshift.Clustering;
using Nightshift.Configuration;
using Nightshift.Probing;

namespace Nightshift.Verification;

/// <summary>Everything a verdict is decided on.</summary>
/// <param name="Target">The cluster the attempt was asked to shrink.</param>
/// <param name="Before">The baseline probe (the session branch tip the attempt started from).</param>
/// <param name="After">The probe of the attempt's worktree.</param>
/// <param name="TestsBefore">The baseline test suite, run <c>tests.runs</c> times; null when no tests are configured.</param>
/// <param name="TestsAfter">The suite in the attempt's worktree; null exactly when <paramref name="TestsBefore"/> is.</param>
/// <param name="Diff">The attempt's change as <c>git diff</c> writes it (default a/ b/ prefixes, no colour).</param>
/// <param name="Policy">What a fix may not do.</param>
public sealed record VerdictInput(
    ClusterKey Target,
    Snapshot Before,
    Snapshot After,
    TestSuiteResult? TestsBefore,
    TestSuiteResult? TestsAfter,
    string Diff,
    PolicyConfig Policy);
