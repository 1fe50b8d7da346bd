using Nightshift.Store;
using Nightshift.Telemetry;

namespace Nightshift.Reports;

public static partial class ReportLoader
{
    private static List<TargetResult> Targets(
        ReportTargets targets,
        int commits,
        IReadOnlyList<Alert> alerts,
        IReadOnlyList<AttemptRow> attempts,
        Dictionary<long, VerdictSummary> verdicts,
        SnapshotRow? first,
        SnapshotRow? last,
        bool clusters)
    {
        var results = new List<TargetResult>
        {
            new(
                "commits",
                $"at least {ReportFormat.Count(targets.MinCommits)} commits",
                commits >= targets.MinCommits ? TargetOutcome.Met : TargetOutcome.Missed,
                commits == 1 ? "1 commit" : $"{ReportFormat.Count(commits)} commits"),
        };
        if (targets.TestsMustPass)
        {
            results.Add(TestsPass(alerts, attempts, verdicts));
        }

        // A crash-watch session fixes crashes, not clusters: without a snapshot the cluster target has nothing to say.
        if (clusters || first is not null)
        {
            results.Add(TopCluster(targets.TopClusterReduction, first, last));
        }

        return results;
    }

    // The branch only ever receives accepted attempts, so the last accepted verdict that ran the tests is the
    // branch's test state; a tests_broken alert (raised by a health check or a re-run) overrides it.
    private static TargetResult TestsPass(
        IReadOnlyList<Alert> alerts, IReadOnlyList<AttemptRow> attempts, Dictionary<long, VerdictSummary> verdicts)
    {
        const string Id = "tests_pass";
        const string Description = "tests still pass";
        if (alerts.LastOrDefault(a => a.Kind == AlertKinds.TestsBroken) is { } broken)
        {
            return new(Id, Description, TargetOutcome.Missed, $"{AlertKinds.TestsBroken} alert at {ReportFormat.Clock(broken.At)} UTC");
        }

        var tests = attempts
            .Where(a => a.State is AttemptState.Verified or AttemptState.Landed)
            .Select(a => verdicts[a.Id])
            .LastOrDefault(v => v.Accepted == true && v.Tests is not null)?.Tests;
        if (tests is null)
        {
            return new(Id, Description, TargetOutcome.Unknown, "no accepted verdict measured the tests");
        }

        var measured = $"{ReportFormat.Count(tests.Passed)}/{ReportFormat.Count(tests.Passed + tests.Failed)} passed";
        return new(Id, Description, tests.AllPassed ? TargetOutcome.Met : TargetOutcome.Missed, measured);
    }

    private static TargetResult TopCluster(double reduction, SnapshotRow? first, SnapshotRow? last)
    {
        const string Id = "top_cluster_reduced";
        var description = $"largest cluster reduced by at least {ReportFormat.Percent(reduction)}";
        var top = first?.Clusters
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (top is null || top.Count == 0 || last is null)
        {
            return new(Id, description, TargetOutcome.Unknown, "no cluster in the first snapshot");
        }

        var after = last.Clusters.FirstOrDefault(c => c.Key == top.Key)?.Count ?? 0;
        var achieved = (top.Count - after) / (double)top.Count;
        return new(
            Id,
            description,
            achieved >= reduction ? TargetOutcome.Met : TargetOutcome.Missed,
            $"{top.Key}: {ReportFormat.Count(top.Count)} -> {ReportFormat.Count(after)} ({ReportFormat.Percent(achieved)} fewer)");
    }
}
