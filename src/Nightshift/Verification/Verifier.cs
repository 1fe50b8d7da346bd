using Nightshift.Clustering;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Probing;

namespace Nightshift.Verification;

/// <summary>
/// Decides whether an attempt is good. It accepts only when every rule holds, and a rejection names
/// every rule that failed (not just the first), each with its figures:
/// <list type="bullet">
/// <item>the diff changes something;</item>
/// <item>the target cluster shrank;</item>
/// <item>no other error cluster grew, and no new one appeared, by more than <c>policy.cluster_tolerance</c>; warnings
/// may appear or grow (a compiler reports some only once the errors are gone) and are recorded as revealed, unless
/// <c>policy.new_warnings</c> is <c>reject</c>, which holds them to the same rule, or they carry the code of an error
/// cluster that shrank (errors turned into warnings are not fixed);</item>
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
        ArgumentNullException.ThrowIfNull(input.Diff);
        if ((input.TestsBefore is null) != (input.TestsAfter is null))
        {
            throw new ArgumentException("Test results are needed before and after the attempt, or neither.", nameof(input));
        }

        if ((input.Target is null) != (input.Before is null) || (input.Target is null) != (input.After is null))
        {
            throw new ArgumentException("A target cluster needs the probe before and after the attempt, and only it does.", nameof(input));
        }

        var diff = UnifiedDiff.Parse(input.Diff);
        var reasons = new List<RejectionReason>();
        if (diff.IsEmpty)
        {
            reasons.Add(new RejectionReason.NoChange(input.UnchangedBecause));
        }

        var figures = new VerdictFigures(null, null, null, [], null, null, null, null, null, diff.Files.Count, diff.LinesChanged);
        if (input is { Target: { } target, Before: { } before, After: { } after })
        {
            var changes = ClusterChanges(target, before, after);
            var revealed = input.Policy?.NewWarnings == NewWarnings.Reject ? [] : Revealed(target, changes);
            reasons.AddRange(ClusterReasons(target, before, after, input.Policy?.ClusterTolerance ?? 0, revealed, changes));
            reasons.AddRange(ItemReasons(before, after));
            figures = figures with
            {
                Target = target,
                TargetBefore = before.CountOf(target),
                TargetAfter = after.CountOf(target),
                Clusters = changes,
                DiagnosticsBefore = before.Diagnostics.Count,
                DiagnosticsAfter = after.Diagnostics.Count,
                ErrorsBefore = before.Errors,
                ErrorsAfter = after.Errors,
                Revealed = revealed,
            };
        }

        reasons.AddRange(input.Checks.Select(c => c.Failure).OfType<RejectionReason>());
        if (input.TestsBefore is not null)
        {
            reasons.AddRange(TestReasons(input.TestsBefore, input.TestsAfter!));
        }

        if (input.Policy is { } policy)
        {
            reasons.AddRange(PolicyChecker.Check(diff, policy));
        }

        figures = figures with { Tests = TestFiguresOf(input.TestsBefore, input.TestsAfter), Checks = input.Checks };
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

    private static IEnumerable<RejectionReason> ClusterReasons(
        ClusterKey target, Snapshot before, Snapshot after, int tolerance, List<ClusterChange> revealed, List<ClusterChange> changes)
    {
        var (countBefore, countAfter) = (before.CountOf(target), after.CountOf(target));
        if (countAfter >= countBefore)
        {
            yield return new RejectionReason.TargetNotReduced(target, countBefore, countAfter);
        }

        foreach (var change in changes.Where(c => c.Key != target && c.Delta > tolerance && !revealed.Contains(c)))
        {
            yield return change.Before == 0
                ? new RejectionReason.NewCluster(change.Key, change.After)
                : new RejectionReason.ClusterGrew(change.Key, change.Before, change.After);
        }
    }

    /// <summary>
    /// The clusters besides the target that are not errors and appeared or grew, except those with the code of an error
    /// cluster that shrank: those are the errors themselves, downgraded.
    /// </summary>
    private static List<ClusterChange> Revealed(ClusterKey target, List<ClusterChange> changes)
    {
        var shrunkErrors = changes.Where(c => c.Delta < 0 && c.Key.Severity == Severity.Error)
            .Select(c => (c.Key.Tool, c.Key.Code, c.Key.Template)).ToHashSet();
        return
        [
            .. changes.Where(c => c.Key != target && c.Delta > 0 && c.Key.Severity != Severity.Error
                && !shrunkErrors.Contains((c.Key.Tool, c.Key.Code, c.Key.Template))),
        ];
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
