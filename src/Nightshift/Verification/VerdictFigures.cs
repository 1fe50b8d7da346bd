using System.Text.Json.Serialization;
using Nightshift.Clustering;

namespace Nightshift.Verification;

/// <summary>
/// The numbers a verdict was decided on, recorded whether it accepted or rejected: the target before and after, every
/// cluster that changed, the totals, the tests, the workload's own checks and the size of the diff. A workload that does
/// not measure clusters (crash-watch, koans) has no target and no totals.
/// </summary>
/// <param name="Target">The cluster the attempt was asked to shrink; null when the workload measures no clusters.</param>
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
    ClusterKey? Target,
    int? TargetBefore,
    int? TargetAfter,
    IReadOnlyList<ClusterChange> Clusters,
    int? DiagnosticsBefore,
    int? DiagnosticsAfter,
    int? ErrorsBefore,
    int? ErrorsAfter,
    TestFigures? Tests,
    int FilesChanged,
    int DiffLines)
{
    /// <summary>The workload's own rules (build, repro, koan tests), in the order they were measured.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<VerdictCheck> Checks { get; init; } = [];

    /// <summary>
    /// Clusters that are not errors and appeared or grew, allowed because the fix's errors had hidden them
    /// (<c>policy.new_warnings: reveal</c>): rustc's lints, for one, run only once type checking succeeds.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<ClusterChange> Revealed { get; init; } = [];

    /// <summary>
    /// What was verified, in one line: the value of a landed commit's <c>Verified:</c> trailer and of the report's
    /// "Verified" column: <c>rustc:error:E0308 12 -> 7; errors 20 -> 15; tests 140/140</c>, or for a crash fix
    /// <c>build ok in 2.1 s; repro exits 0; tests 3/3</c>.
    /// </summary>
    [JsonIgnore]
    public string Verified
    {
        get
        {
            var parts = new List<string>();
            if (Target is { } target)
            {
                parts.Add($"{target} {TargetBefore} -> {TargetAfter}");
                parts.Add($"errors {ErrorsBefore} -> {ErrorsAfter}");
                if (Revealed.Count > 0)
                {
                    parts.Add("revealed: " + string.Join(", ", Revealed.Select(RevealedText)));
                }
            }

            parts.AddRange(Checks.Select(c => c.ToString()));
            if (Tests is not null || Target is not null)
            {
                parts.Add(Tests?.ToString() ?? "no tests");
            }

            return string.Join("; ", parts);
        }
    }

    // "unused_variables 10" for a new cluster, "unused_variables 3 -> 10" for one that grew.
    private static string RevealedText(ClusterChange change) => change.Before == 0
        ? $"{change.Key.Code ?? change.Key.Template} {change.After}"
        : $"{change.Key.Code ?? change.Key.Template} {change.Before} -> {change.After}";

    /// <summary>The commit trailer line: <c>Verified: rustc:error:E0308 12 -> 7; errors 20 -> 15; tests 140/140</c>.</summary>
    public string ToTrailer() => $"Verified: {Verified}";
}
