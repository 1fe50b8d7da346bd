using Nightshift.Configuration;
using Nightshift.Workloads.Learn.Gates;

namespace Nightshift.Tests.Learn;

public sealed class GateSpecs
{
    private static readonly GateScore _baseline = new(null, PassRate: 0.5, RepeatErrorRate: 0.4);
    private static readonly GateScore _promoted = new("adapter-1", PassRate: 0.7, RepeatErrorRate: 0.2);

    [Fact(Timeout = 10_000)]
    public async Task A_candidate_as_good_as_both_within_the_margin_and_repeating_no_more_errors_is_promoted()
    {
        await Task.Yield();
        var decision = Gate.Decide(new GateScore("adapter-2", 0.69, 0.2), _baseline, _promoted, margin: 0.01);

        decision.Should().BeOfType<Promoted>();
        decision.Reasons.Should().BeEmpty();
        decision.Checks.Select(c => (c.Rule, c.Passed)).Should().Equal(
            ("pass rate vs baseline", true), ("pass rate vs promoted", true), ("repeat-error rate does not rise", true));
        decision.Name.Should().Be("promoted");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_candidate_below_the_promoted_model_by_more_than_the_margin_is_rolled_back_with_the_figures()
    {
        await Task.Yield();
        var decision = Gate.Decide(new GateScore("adapter-2", 0.6, 0.2), _baseline, _promoted, margin: 0.05);

        decision.Should().BeOfType<RolledBack>();
        decision.Reasons.Should().Equal("pass rate vs promoted: pass rate 60.0% vs 70.0% of adapter-1 (margin 5.0%)");
        decision.Name.Should().Be("rolled-back");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_rising_repeat_error_rate_is_rolled_back_however_good_the_pass_rate()
    {
        await Task.Yield();
        var decision = Gate.Decide(new GateScore("adapter-2", 0.9, 0.25), _baseline, _promoted, margin: 0.01);

        decision.Reasons.Should().Equal("repeat-error rate does not rise: repeat-error rate 25.0% vs 20.0% of adapter-1");
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_a_promoted_model_the_baseline_is_the_reference_for_both_rules()
    {
        await Task.Yield();
        var worse = Gate.Decide(new GateScore("adapter-1", 0.45, 0.5), _baseline, promoted: null, margin: 0.01);
        var equal = Gate.Decide(new GateScore("adapter-1", 0.5, 0.4), _baseline, promoted: null, margin: 0);

        worse.Reasons.Should().Equal(
            "pass rate vs baseline: pass rate 45.0% vs 50.0% of the configured agent (margin 1.0%)",
            "repeat-error rate does not rise: repeat-error rate 50.0% vs 40.0% of the configured agent");
        worse.Checks.Should().HaveCount(2);
        equal.Should().BeOfType<Promoted>("equal is not worse, even with no margin");
    }

    [Fact(Timeout = 10_000)]
    public async Task Equal_pass_rates_computed_differently_are_equal()
    {
        await Task.Yield();
        var sevenNinths = 7.0 / 9;
        var decision = Gate.Decide(new GateScore("a", 1 - (2.0 / 9), 0), new GateScore(null, sevenNinths, 0), null, margin: 0);

        decision.Should().BeOfType<Promoted>();
    }

    [Fact(Timeout = 10_000)]
    public async Task The_configured_margin_is_how_far_below_the_baseline_a_candidate_may_score_not_a_required_gain()
    {
        await Task.Yield();
        var config = ConfigLoader.LoadText("version: 1\nlearn:\n  gates:\n    margin: 0.05\n", "/r/nightshift.yml");
        var margin = (double)config.Learn.Gates.Margin;

        var slightlyBelow = Gate.Decide(new GateScore("a", 0.46, 0.4), _baseline, promoted: null, margin);
        var tooFarBelow = Gate.Decide(new GateScore("a", 0.44, 0.4), _baseline, promoted: null, margin);

        slightlyBelow.Should().BeOfType<Promoted>("4 points below is within a 5-point tolerance");
        tooFarBelow.Should().BeOfType<RolledBack>();
        ConfigTemplate.Render(null).Split('\n').Should().ContainSingle(line => line.Contains("margin: 0.01"))
            .Which.Should().Contain("tolerance").And.Contain("below");
    }
}
