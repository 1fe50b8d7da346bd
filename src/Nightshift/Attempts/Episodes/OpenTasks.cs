namespace Nightshift.Attempts.Episodes;

/// <summary>
/// The journal's open tasks: tasks whose attempts were all rejected, never accepted. The learn day phase tries the open
/// clusters of earlier nights again, so that a fix found now becomes a failed-then-fixed example for the next dataset.
/// </summary>
public static class OpenTasks
{
    /// <summary>
    /// The keys of the tasks of <paramref name="kind"/> that <paramref name="workload"/> attempted, with at least one rejected
    /// episode and no accepted one, in the order they first failed.
    /// </summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<Episode> episodes, string workload, string kind)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        return [.. episodes
            .Where(e => e.Task.Kind == kind)
            .GroupBy(e => e.Task.Key, StringComparer.Ordinal)
            .Where(g => g.Any(e => e.Workload == workload && e.Outcome == EpisodeOutcome.Rejected) && !g.Any(e => e.IsAccepted))
            .OrderBy(g => g.Min(e => e.Id))
            .Select(g => g.Key)];
    }
}
