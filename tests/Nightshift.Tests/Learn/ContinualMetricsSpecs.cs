using System.Globalization;
using Nightshift.Agents;
using Nightshift.Cli.Rendering;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Metrics;

namespace Nightshift.Tests.Learn;

/// <summary>
/// Forgetting and forward transfer on a hand-worked history of three families, four eval runs each (pass rates in quarters,
/// so every figure is exact):
/// <code>
///                 borrow  result-option  traits
/// baseline         0.25       0.00        0.50
/// cycle 1          0.75       0.25        0.50   no family below its best: forgetting 0
/// cycle 2          0.25       0.25        0.75   borrow 0.75 → 0.25: forgetting 0.5 (borrow)
/// cycle 3          0.50       0.00        0.25   traits 0.75 → 0.25 (0.5) beats borrow and result-option (0.25 each)
/// </code>
/// </summary>
public sealed class ContinualMetricsSpecs
{
    private static readonly EvalRecord[] _history =
    [
        Eval("baseline", null, ("borrow", 1), ("result-option", 0), ("traits", 2)),
        Eval("candidate", 1, ("borrow", 3), ("result-option", 1), ("traits", 2)),
        Eval("candidate", 2, ("borrow", 1), ("result-option", 1), ("traits", 3)),
        Eval("candidate", 3, ("borrow", 2), ("result-option", 0), ("traits", 1)),
    ];

    [Fact(Timeout = 10_000)]
    public async Task Forgetting_is_the_largest_drop_of_any_family_below_its_best_in_an_earlier_eval()
    {
        await Task.Yield();

        var cycles = ContinualMetrics.Of(_history);

        cycles.Select(c => c.Cycle).Should().Equal(1, 2, 3);
        cycles.Select(c => c.Forgetting).Should().Equal(0, 0.5, 0.5);
        cycles[0].LargestDrop.Should().BeNull("every family is at or above the baseline");
        cycles[1].LargestDrop.Should().Be(new FamilyDrop("borrow", 0.75, 0.25));
        cycles[2].LargestDrop.Should().Be(new FamilyDrop("traits", 0.75, 0.25), "traits fell from cycle 2's 0.75, further than borrow or result-option");
        cycles[2].Model.Should().Be("candidate-3");
    }

    [Fact(Timeout = 10_000)]
    public async Task Forward_transfer_of_a_family_is_the_candidate_s_pass_rate_minus_the_baseline_s()
    {
        await Task.Yield();

        var cycles = ContinualMetrics.Of(_history);

        cycles.Select(c => c.ForwardTransfer.Select(t => (t.Family, t.Transfer))).Should().BeEquivalentTo(
            new[]
            {
                new[] { ("borrow", 0.5), ("result-option", 0.25), ("traits", 0.0) },
                new[] { ("borrow", 0.0), ("result-option", 0.25), ("traits", 0.25) },
                new[] { ("borrow", 0.25), ("result-option", 0.0), ("traits", -0.25) },
            },
            o => o.WithStrictOrdering());
        cycles[2].ForwardTransfer[2].Should().Be(new FamilyTransfer("traits", 0.25, 0.5));
    }

    [Fact(Timeout = 10_000)]
    public async Task The_model_promoted_before_the_run_counts_as_earlier_and_ties_name_the_first_family()
    {
        await Task.Yield();
        EvalRecord[] history =
        [
            Eval("baseline", null, ("borrow", 1), ("traits", 1)),
            Eval("promoted", null, ("borrow", 4), ("traits", 4)),
            Eval("candidate", 1, ("borrow", 2), ("traits", 2)),
        ];

        var cycle = ContinualMetrics.Of(history).Single();

        cycle.Forgetting.Should().Be(0.5);
        cycle.LargestDrop.Should().Be(new FamilyDrop("borrow", 1, 0.5), "borrow and traits both fell 0.5: the first by name is named");
        cycle.ForwardTransfer.Select(t => t.Transfer).Should().Equal(0.25, 0.25);
    }

    [Fact(Timeout = 10_000)]
    public async Task Evals_recorded_before_families_were_give_no_figures()
    {
        await Task.Yield();
        EvalRecord[] history = [Eval("baseline", null), Eval("candidate", 1), Eval("candidate", 2, ("borrow", 2))];

        var cycles = ContinualMetrics.Of(history);

        cycles.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new ContinualCycle(2, "candidate-2", null, []), "no earlier eval has families: nothing to forget, no baseline to transfer from");
    }

    [Fact(Timeout = 10_000)]
    public async Task The_progress_line_names_the_family_that_fell_and_each_family_s_transfer()
    {
        await Task.Yield();
        var cycles = ContinualMetrics.Of(_history);

        LearnText.Continual(cycles[1]).Should().Be(
            "forgetting 50.0 pp (borrow 75.0% -> 25.0%); forward transfer vs baseline: borrow 0.0 pp, result-option +25.0 pp, traits +25.0 pp");
        LearnText.Continual(cycles[0]).Should().StartWith("forgetting 0.0 pp (no family fell);");
        LearnText.Continual(cycles[2]).Should().EndWith("traits -25.0 pp");
    }

    [Fact(Timeout = 10_000)]
    public async Task Family_scores_count_the_runs_and_passes_of_each_koan_category()
    {
        await Task.Yield();
        EvalRun[] runs = [Run("b1", "borrow", true), Run("t1", "traits", false), Run("b2", "borrow", false), Run("b1", "borrow", true)];

        var families = FamilyScore.Of(runs);

        families.Should().Equal(new FamilyScore("borrow", 3, 2), new FamilyScore("traits", 1, 0));
        families[0].PassRate.Should().BeApproximately(2.0 / 3, 1e-12);
        LearnText.Families(families).Should().Be("borrow 2/3 (66.7%), traits 0/1 (0.0%)");
    }

    /// <summary>An eval of four runs per family, <c>passed</c> of them passing.</summary>
    private static EvalRecord Eval(string role, int? cycle, params (string Family, int Passed)[] families) => new()
    {
        At = DateTimeOffset.Parse("2026-12-08T03:00:00Z", CultureInfo.InvariantCulture),
        Cycle = cycle,
        Role = role,
        Model = cycle is { } c ? $"candidate-{c}" : null,
        Agent = "replay",
        EvalSetHash = "set",
        Repeats = 1,
        Runs = 4 * families.Length,
        Passed = families.Sum(f => f.Passed),
        PassRate = families.Length == 0 ? 0 : families.Sum(f => f.Passed) / (4.0 * families.Length),
        RepeatErrorRate = 0,
        RepeatErrors = 0,
        Failed = [],
        SessionId = 1,
        Families = [.. families.Select(f => new FamilyScore(f.Family, 4, f.Passed))],
    };

    private static EvalRun Run(string koan, string family, bool passed) =>
        new(koan, family, 1, passed, 1, AgentStopReason.Finished, [], 0);
}
