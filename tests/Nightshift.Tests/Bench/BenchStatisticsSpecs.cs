using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Statistics;

namespace Nightshift.Tests.Bench;

/// <summary>The statistics against values computed by hand (and checked in textbook tables).</summary>
public sealed class BenchStatisticsSpecs
{
    [Theory(Timeout = 10_000)]
    [InlineData(7, 10, 0.3968, 0.8922)] // p = .7, z² = 3.8415: center .6445 ± .2477
    [InlineData(0, 20, 0.0, 0.1611)] // no successes: the interval still has width
    [InlineData(10, 10, 0.7225, 1.0)] // all successes: the lower bound comes off 1
    [InlineData(1, 2, 0.0945, 0.9055)] // tiny n: nearly everything is possible
    [InlineData(20, 50, 0.2761, 0.5382)]
    public async Task The_Wilson_interval_matches_hand_computed_bounds(int successes, int trials, double low, double high)
    {
        var interval = WilsonInterval.Of(successes, trials);

        interval.Low.Should().BeApproximately(low, 0.00005);
        interval.High.Should().BeApproximately(high, 0.00005);
        interval.Rate.Should().Be((double)successes / trials);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task No_trials_give_the_whole_unit_interval()
    {
        var interval = WilsonInterval.Of(0, 0);

        (interval.Low, interval.High, interval.Rate).Should().Be((0.0, 1.0, 0.0));
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData(10, 3, 1, 0.3)] // pass@1 is the pass rate
    [InlineData(10, 3, 5, 0.916667)] // 1 - C(7,5)/C(10,5) = 1 - 21/252
    [InlineData(4, 1, 2, 0.5)] // 1 - C(3,2)/C(4,2) = 1 - 3/6
    [InlineData(20, 4, 10, 0.956656)] // 1 - C(16,10)/C(20,10) = 1 - 8008/184756
    [InlineData(5, 0, 3, 0.0)]
    [InlineData(5, 5, 3, 1.0)]
    [InlineData(5, 3, 3, 1.0)] // fewer failures than k: some pass is certain
    public async Task Pass_at_k_is_the_unbiased_estimator(int runs, int passed, int k, double expected)
    {
        PassAtK.Estimate(runs, passed, k).Should().BeApproximately(expected, 0.000001);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_median_and_p90_interpolate_between_order_statistics()
    {
        var distribution = Distribution.Of([10, 3, 8, 1, 5, 7, 2, 9, 4, 6]);

        // Sorted 1..10: the median sits halfway between 5 and 6; p90 at rank 0.9 × 9 = 8.1, between 9 and 10.
        distribution.Should().Be(new Distribution(10, 5.5, 9.1, 1, 10));
        Distribution.Of([42]).Should().Be(new Distribution(1, 42, 42, 42, 42));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_summary_pools_rates_per_level_and_agent_and_leaves_infrastructure_errors_out()
    {
        RunRecord[] runs =
        [
            Run("a", "L1", "x", 1, pass: true, steps: 2, ms: 100),
            Run("a", "L1", "x", 2, pass: false, steps: 9, ms: 300, FailureClass.AcceptanceFailed),
            Run("b", "L2", "x", 1, pass: true, steps: 4, ms: 200),
            Run("b", "L2", "x", 2, pass: true, steps: 4, ms: 400),
            Run("a", "L1", "y", 1, pass: false, steps: 0, ms: 50, FailureClass.NoChange),
            Run("b", "L2", "y", 1, pass: false, steps: 1, ms: 60, FailureClass.InfraError) with { Status = RunStatus.Excluded },
        ];

        var summary = BenchSummary.Compute(runs, ["x", "y"]);

        summary.Totals.Should().Be(new RunCounts(6, 3, 2, 1));
        summary.ByAgent.Select(r => (r.Agent, r.Runs, r.Passed)).Should().Equal(("x", 4, 3), ("y", 1, 0));
        summary.ByAgent[0].Low.Should().BeApproximately(WilsonInterval.Of(3, 4).Low, 1e-12);
        summary.ByLevel.Select(r => (r.Level, r.Runs, r.Passed)).Should().Equal(("L1", 3, 1), ("L2", 2, 2));
        summary.ByLevelAndAgent.Should().ContainSingle(r => r.Level == "L2" && r.Agent == "y").Which.Runs.Should().Be(0, "the infra error is excluded");
        // x: task a 1 of 2 (pass@1 .5), task b 2 of 2 (1): mean .75; pass@3 has no task with 3 runs.
        summary.PassAtK.Where(r => r.Agent == "x").Select(r => (r.K, r.Value, r.Tasks)).Should().Equal((1, 0.75, 2));
        summary.Durations[0].Should().Be(new DurationRow("x", 4, 250, 370, 100, 400));
        summary.Steps.Should().ContainSingle(s => s.Agent == "x" && s.Passed).Which.Median.Should().Be(4);
        summary.StepsVersusSuccess.Where(s => s.Agent == "x").Select(s => (s.Range, s.Runs, s.Passed))
            .Should().Equal(("1-2", 1, 1), ("3-5", 2, 2), ("6-10", 1, 0));
        summary.FailureModes.Should().Equal(
            new FailureModeRow("x", FailureClass.AcceptanceFailed, 1),
            new FailureModeRow("y", FailureClass.NoChange, 1),
            new FailureModeRow("y", FailureClass.InfraError, 1));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_drop_is_a_regression_only_when_the_intervals_do_not_overlap()
    {
        // 45/50 [.786, .957] against 20/50 [.276, .538]: apart. 45/50 against 40/50 [.67, .89]: overlapping.
        RateChange.Judge(WilsonInterval.Of(20, 50), WilsonInterval.Of(45, 50)).Should().Be(ChangeVerdict.Regression);
        RateChange.Judge(WilsonInterval.Of(45, 50), WilsonInterval.Of(20, 50)).Should().Be(ChangeVerdict.Improvement);
        RateChange.Judge(WilsonInterval.Of(40, 50), WilsonInterval.Of(45, 50)).Should().Be(ChangeVerdict.Unchanged);
        RateChange.Judge(WilsonInterval.Of(0, 2), WilsonInterval.Of(2, 2)).Should().Be(ChangeVerdict.Unchanged, "two runs prove nothing");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Levels_sort_as_people_number_them()
    {
        string[] levels = ["L10", "L2", "L1", "easy", "L6"];

        levels.Order(LevelOrder.Instance).Should().Equal("L1", "L2", "L6", "L10", "easy");
        await Task.CompletedTask;
    }

    private static RunRecord Run(string task, string level, string agent, int repeat, bool pass, int steps, double ms, FailureClass? failure = null) => new()
    {
        Run = $"{task}-{agent}-{repeat}",
        Task = task,
        Level = level,
        Agent = agent,
        Repeat = repeat,
        Phase = "all",
        Status = pass ? RunStatus.Pass : RunStatus.Fail,
        Failure = failure,
        Steps = steps,
        DurationMs = ms,
    };
}
