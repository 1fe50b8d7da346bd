using Nightshift.Clustering;
using Nightshift.Probing;

namespace Nightshift.Verification;

/// <summary>
/// Decides whether an attempt is good. It accepts only when every rule holds, and a rejection names
/// every rule that failed (not just the first), each with its figures:
/// <list type="bullet">
/// <item>the diff changes something;</item>
/// <item>the target cluster shrank;</item>
/// <item>no other cluster grew, and no new one appeared, by more than <c>policy.cluster_tolerance</c>;</item>
/// <item>no probed item vanished or started failing without an error (either would hide diagnostics
/// rather than fix them);</item>
/// <item>every test that passed in every baseline run still passes, and a suite that exited 0 at
/// baseline still does (<see cref="TestSuiteResult"/> quarantines flaky tests; a test failing at
/// baseline may keep failing; tests that could not run at baseline are not held against the attempt);</item>
/// <item>the policy holds over the diff (<see cref="PolicyChecker"/>).</item>
/// </list>
/// Pure: the same input gives the same verdict.
/// </summary>
public static partial class Verifier
{
    public static Verdict Decide(VerdictInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Before);
        ArgumentNullException.ThrowIfNull(input.After);
        ArgumentNullException.ThrowIfNull(input.Diff);
        ArgumentNullException.ThrowIfNull(input.Policy);
        if ((input.TestsBefore is null) != (input.TestsAfter is null))
        {
            throw new ArgumentException("Test results are needed before and after the attempt, or neither.", nameof(input));
        }

        var diff = UnifiedDiff.Parse(input.Diff);
        var changes = ClusterChanges(input.Target, input.Before, input.After);
        var reasons = new List<RejectionReason>();
        if (diff.IsEmpty)
        {
            reasons.Add(new RejectionReason.NoChange());
        }

        reasons.AddRange(ClusterReasons(input, changes));
        reasons.AddRange(ItemReasons(input.Before, input.After));
        if (input.TestsBefore is not null)
        {
            reasons.AddRange(TestReasons(input.TestsBefore, input.TestsAfter!));
        }

        reasons.AddRange(PolicyChecker.Check(diff, input.Policy));

        var figures = new VerdictFigures(
            input.Target,
            input.Before.CountOf(input.Target),
            input.After.CountOf(input.Target),
            changes,
            input.Before.Diagnostics.Count,
            input.After.Diagnostics.Count,
            input.Before.Errors,
            input.After.Errors,
            TestFiguresOf(input.TestsBefore, input.TestsAfter),
            diff.Files.Count,
            diff.LinesChanged);
        return reasons.Count == 0 ? new Verdict.Accepted(figures) : new Verdict.Rejected(figures, reasons);
    }

    /// <summary>Every cluster whose count differs: the target first, then the largest change first (ties by key).</summary>
    private static List<ClusterChange> ClusterChanges(ClusterKey target, Snapshot before, Snapshot after)
    {
        var counts = before.Clusters.Select(c => (c.Key, Before: c.Count, After: 0))
            .Concat(after.Clusters.Select(c => (c.Key, Before: 0, After: c.Count)))
            .GroupBy(c => c.Key)
            .Select(g => new ClusterChange(g.Key, g.Sum(c => c.Before), g.Sum(c => c.After)));
        return
        [
            .. counts.Where(c => c.Delta != 0)
                .OrderByDescending(c => c.Key == target)
                .ThenByDescending(c => Math.Abs(c.Delta))
                .ThenBy(c => c.Key.ToString(), StringComparer.Ordinal),
        ];
    }

    private static IEnumerable<RejectionReason> ClusterReasons(VerdictInput input, List<ClusterChange> changes)
    {
        var (before, after) = (input.Before.CountOf(input.Target), input.After.CountOf(input.Target));
        if (after >= before)
        {
            yield return new RejectionReason.TargetNotReduced(input.Target, before, after);
        }

        var tolerance = input.Policy.ClusterTolerance;
        foreach (var change in changes.Where(c => c.Key != input.Target && c.Delta > tolerance))
        {
            yield return change.Before == 0
                ? new RejectionReason.NewCluster(change.Key, change.After)
                : new RejectionReason.ClusterGrew(change.Key, change.Before, change.After);
        }
    }

    private static IEnumerable<RejectionReason> ItemReasons(Snapshot before, Snapshot after)
    {
        var afterItems = after.Items.DistinctBy(i => i.Item, StringComparer.Ordinal).ToDictionary(i => i.Item, StringComparer.Ordinal);
        foreach (var item in before.Items.DistinctBy(i => i.Item, StringComparer.Ordinal))
        {
            if (!afterItems.TryGetValue(item.Item, out var now))
            {
                yield return new RejectionReason.ItemVanished(item.Item);
            }
            else if (FailsSilently(now) && !FailsSilently(item))
            {
                yield return new RejectionReason.ProbeFailedSilently(now.Item, now.ExitCode);
            }
        }
    }

    private static bool FailsSilently(ItemResult item) => item.ExitCode != 0 && !item.Diagnostics.Any(d => d.IsError);
}
