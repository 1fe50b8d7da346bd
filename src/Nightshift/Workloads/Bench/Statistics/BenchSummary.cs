using System.Text.Json.Serialization;
using Nightshift.Workloads.Bench.Results;

namespace Nightshift.Workloads.Bench.Statistics;

/// <summary>
/// The statistics of a bench, computed from its finished runs: pass rates with Wilson intervals per agent,
/// per level and per both, pass@k, durations, steps against success, and failure modes. Infrastructure
/// errors are excluded from every rate and only show among the failure modes.
/// </summary>
public sealed record BenchSummary(
    RunCounts Totals,
    IReadOnlyList<PassRate> ByAgent,
    IReadOnlyList<PassRate> ByLevel,
    IReadOnlyList<PassRate> ByLevelAndAgent,
    IReadOnlyList<PassAtKRow> PassAtK,
    IReadOnlyList<DurationRow> Durations,
    IReadOnlyList<StepsRow> Steps,
    IReadOnlyList<StepsBucketRow> StepsVersusSuccess,
    IReadOnlyList<FailureModeRow> FailureModes)
{
    /// <summary>The k of pass@k reported, where some task has at least k runs.</summary>
    public static IReadOnlyList<int> Ks { get; } = [1, 3, 5, 10];

    private static readonly bool[] _outcomes = [true, false];

    public static BenchSummary Empty { get; } = new(new RunCounts(0, 0, 0, 0), [], [], [], [], [], [], [], []);

    /// <param name="runs">The finished runs.</param>
    /// <param name="agents">The agents in the order reports list them; agents without runs still get (empty) rows.</param>
    public static BenchSummary Compute(IReadOnlyList<RunRecord> runs, IReadOnlyList<string> agents)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var counted = runs.Where(r => r.Counts).ToArray();
        var levels = runs.Select(r => r.Level).Distinct(StringComparer.Ordinal).Order(LevelOrder.Instance).ToArray();
        agents = [.. agents, .. runs.Select(r => r.Agent).Distinct(StringComparer.Ordinal).Where(a => !agents.Contains(a))];

        return new BenchSummary(
            new RunCounts(runs.Count, counted.Count(r => r.Passed), counted.Count(r => !r.Passed), runs.Count - counted.Length),
            [.. agents.Select(a => PassRate.Of(a, null, counted.Where(r => r.Agent == a)))],
            [.. levels.Select(l => PassRate.Of(null, l, counted.Where(r => r.Level == l)))],
            [.. levels.SelectMany(l => agents.Select(a => PassRate.Of(a, l, counted.Where(r => r.Level == l && r.Agent == a))))],
            [.. agents.SelectMany(a => PassAtKRows(a, counted.Where(r => r.Agent == a).ToArray()))],
            [.. agents.Select(a => DurationRow.Of(a, counted.Where(r => r.Agent == a)))],
            [.. agents.SelectMany(a => _outcomes.Select(p => StepsRow.Of(a, p, counted.Where(r => r.Agent == a && r.Passed == p))))],
            [.. agents.SelectMany(a => StepsBucketRow.For(a, counted.Where(r => r.Agent == a).ToArray()))],
            [.. agents.SelectMany(a => Enum.GetValues<FailureClass>()
                .Select(c => new FailureModeRow(a, c, runs.Count(r => r.Agent == a && r.Failure == c)))
                .Where(row => row.Count > 0))]);
    }

    /// <summary>The mean over tasks of each task's pass@k, for every k some task has enough runs for.</summary>
    private static IEnumerable<PassAtKRow> PassAtKRows(string agent, IReadOnlyList<RunRecord> runs)
    {
        var perTask = runs.GroupBy(r => r.Task, StringComparer.Ordinal)
            .Select(g => (Runs: g.Count(), Passed: g.Count(r => r.Passed)))
            .ToArray();
        foreach (var k in Ks)
        {
            var eligible = perTask.Where(t => t.Runs >= k).ToArray();
            if (eligible.Length > 0)
            {
                yield return new PassAtKRow(agent, k, eligible.Average(t => Statistics.PassAtK.Estimate(t.Runs, t.Passed, k)), eligible.Length);
            }
        }
    }
}

/// <summary>Finished runs (excluded ones too); excluded runs ended in an infrastructure error and count in no rate.</summary>
public sealed record RunCounts(int Finished, int Passed, int Failed, int Excluded);

/// <summary>A pass rate with its 95% Wilson interval; <see cref="Agent"/> or <see cref="Level"/> is null when pooled.</summary>
public sealed record PassRate(string? Agent, string? Level, int Runs, int Passed, double Rate, double Low, double High)
{
    [JsonIgnore]
    public WilsonInterval Interval => new(Passed, Runs, Low, High);

    public static PassRate Of(string? agent, string? level, IEnumerable<RunRecord> counted)
    {
        var runs = counted.ToArray();
        var interval = WilsonInterval.Of(runs.Count(r => r.Passed), runs.Length);
        return new PassRate(agent, level, interval.Trials, interval.Successes, interval.Rate, interval.Low, interval.High);
    }
}

/// <summary>An agent's pass@k: the mean over the <see cref="Tasks"/> tasks that had at least k runs.</summary>
public sealed record PassAtKRow(string Agent, int K, double Value, int Tasks);

public sealed record DurationRow(string Agent, int Runs, double MedianMs, double P90Ms, double MinMs, double MaxMs)
{
    public static DurationRow Of(string agent, IEnumerable<RunRecord> runs)
    {
        var distribution = Distribution.Of(runs.Select(r => r.DurationMs));
        return new DurationRow(agent, distribution.Count, distribution.Median, distribution.P90, distribution.Min, distribution.Max);
    }
}

/// <summary>How many steps an agent took in the runs it passed, and in those it failed.</summary>
public sealed record StepsRow(string Agent, bool Passed, int Runs, double Median, double P90, double Min, double Max)
{
    public static StepsRow Of(string agent, bool passed, IEnumerable<RunRecord> runs)
    {
        var distribution = Distribution.Of(runs.Select(r => (double)r.Steps));
        return new StepsRow(agent, passed, distribution.Count, distribution.Median, distribution.P90, distribution.Min, distribution.Max);
    }
}

/// <summary>The pass rate of the runs whose step count falls in [<see cref="From"/>, <see cref="To"/>]; To null is open.</summary>
public sealed record StepsBucketRow(string Agent, int From, int? To, int Runs, int Passed, double Rate)
{
    /// <summary>Lower bounds of the buckets: 0, 1-2, 3-5, 6-10, 11-20, 21-50, 51+.</summary>
    private static readonly int[] _bounds = [0, 1, 3, 6, 11, 21, 51];

    public string Range => To == From ? $"{From}" : To is null ? $"{From}+" : $"{From}-{To}";

    public static IEnumerable<StepsBucketRow> For(string agent, IReadOnlyList<RunRecord> runs)
    {
        for (var i = 0; i < _bounds.Length; i++)
        {
            int? to = i + 1 < _bounds.Length ? _bounds[i + 1] - 1 : null;
            var inBucket = runs.Where(r => r.Steps >= _bounds[i] && (to is null || r.Steps <= to)).ToArray();
            if (inBucket.Length > 0)
            {
                var passed = inBucket.Count(r => r.Passed);
                yield return new StepsBucketRow(agent, _bounds[i], to, inBucket.Length, passed, (double)passed / inBucket.Length);
            }
        }
    }
}

public sealed record FailureModeRow(string Agent, FailureClass Class, int Count);
