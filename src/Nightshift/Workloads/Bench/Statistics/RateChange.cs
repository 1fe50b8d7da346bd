namespace Nightshift.Workloads.Bench.Statistics;

/// <summary>
/// A pass rate of this bench against the same rate of a baseline bench. Only a change whose Wilson intervals
/// do not overlap is called a regression or an improvement: anything else is within the noise of the sample.
/// </summary>
/// <remarks><see cref="Scope"/> is agent, level or level/agent; <see cref="Key"/> the agent, the level, or "level/agent".</remarks>
public sealed record RateChange(string Scope, string Key, PassRate Current, PassRate Baseline, ChangeVerdict Verdict)
{
    /// <summary>Compares every rate both benches have, with runs on both sides.</summary>
    public static IReadOnlyList<RateChange> Compare(BenchSummary current, BenchSummary baseline)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        return
        [
            .. Pair("agent", current.ByAgent, baseline.ByAgent, r => r.Agent!),
            .. Pair("level", current.ByLevel, baseline.ByLevel, r => r.Level!),
            .. Pair("level/agent", current.ByLevelAndAgent, baseline.ByLevelAndAgent, r => $"{r.Level}/{r.Agent}"),
        ];
    }

    public static ChangeVerdict Judge(WilsonInterval current, WilsonInterval baseline) =>
        current.Trials == 0 || baseline.Trials == 0 || current.Overlaps(baseline) ? ChangeVerdict.Unchanged
        : current.High < baseline.Low ? ChangeVerdict.Regression
        : ChangeVerdict.Improvement;

    private static IEnumerable<RateChange> Pair(
        string scope, IReadOnlyList<PassRate> current, IReadOnlyList<PassRate> baseline, Func<PassRate, string> key)
    {
        var before = baseline.Where(r => r.Runs > 0).ToDictionary(key, StringComparer.Ordinal);
        foreach (var now in current.Where(r => r.Runs > 0))
        {
            if (before.TryGetValue(key(now), out var then))
            {
                yield return new RateChange(scope, key(now), now, then, Judge(now.Interval, then.Interval));
            }
        }
    }
}

public enum ChangeVerdict
{
    Unchanged,
    Regression,
    Improvement,
}
