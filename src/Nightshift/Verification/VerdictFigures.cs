using Nightshift.Clustering;

namespace Nightshift.Verification;

/// <summary>
/// The numbers a verdict was decided on, recorded whether it accepted or rejected: the target before and
/// after, every cluster that changed, the totals, the tests and the size of the diff.
/// </summary>
/// <param name="Target">The cluster the attempt was asked to shrink.</param>
/// <param name="TargetBefore">The target's count at baseline.</param>
/// <param name="TargetAfter">The target's count after the attempt.</param>
/// <param name="Clusters">Every cluster whose count changed (the target first, then the largest change first).</param>
/// <param name="DiagnosticsBefore">All diagnostics at baseline.</param>
/// <param name="DiagnosticsAfter">All diagnostics after the attempt.</param>
/// <param name="ErrorsBefore">Error diagnostics at baseline.</param>
/// <param name="ErrorsAfter">Error diagnostics after the attempt.</param>
/// <param name="Tests">The test suite's figures; null when the repository has no tests configured.</param>
/// <param name="FilesChanged">Files the diff touches.</param>
/// <param name="DiffLines">Added plus removed lines.</param>
public sealed record VerdictFigures(
    ClusterKey Target,
    int TargetBefore,
    int TargetAfter,
    IReadOnlyList<ClusterChange> Clusters,
    int DiagnosticsBefore,
    int DiagnosticsAfter,
    int ErrorsBefore,
    int ErrorsAfter,
    TestFigures? Tests,
    int FilesChanged,
    int DiffLines)
{
    /// <summary>The commit trailer line: <c>Verified: rustc:error:E0308 12 -> 7; tests 140/140</c>.</summary>
    public string ToTrailer() =>
        $"Verified: {Target} {TargetBefore} -> {TargetAfter}; {(Tests is null ? "no tests" : Tests.ToString())}";
}
