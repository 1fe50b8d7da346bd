namespace Nightshift.Telemetry;

/// <summary>
/// When a session is expected to finish its work: the wall-clock time it has needed per landed cluster
/// so far, times the clusters remaining, never later than the end of the time budget.
/// </summary>
/// <remarks>
/// Deliberately simple: elapsed time includes the baseline probe and rejected attempts, so early in a
/// night the estimate is pessimistic and it settles as clusters land. Measuring wall-clock time (not the
/// sum of attempt durations) already accounts for parallel workers. The cost budget is not projected.
/// </remarks>
public static class EtaEstimate
{
    /// <summary>The estimate, or null while nothing has landed (no rate to extrapolate from).</summary>
    public static DateTimeOffset? Estimate(
        DateTimeOffset startedAt, DateTimeOffset now, TimeSpan timeBudget, int landed, int remaining)
    {
        if (remaining <= 0)
        {
            return now;
        }

        if (landed <= 0 || now <= startedAt)
        {
            return null;
        }

        var deadline = startedAt + timeBudget;
        if (now >= deadline)
        {
            return now;
        }

        // In ticks as a double: a tiny rate times a huge remainder must not overflow TimeSpan.
        var left = (now - startedAt).Ticks / (double)landed * remaining;
        return left >= (deadline - now).Ticks ? deadline : now + TimeSpan.FromTicks((long)left);
    }
}
