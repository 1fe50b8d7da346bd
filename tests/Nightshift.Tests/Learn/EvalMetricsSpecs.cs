using Nightshift.Agents;
using Nightshift.Attempts.Episodes;
using Nightshift.Store;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Datasets;
using Nightshift.Workloads.Learn.Evaluation;

namespace Nightshift.Tests.Learn;

public sealed class EvalMetricsSpecs
{
    private static readonly HashSet<string> _fixedBefore = ["E0502", "E0308"];

    // Two passes (2 and 4 steps) and three failures: one still shows E0502, one E0277 and E0308, one fails its tests only.
    private static readonly EvalRun[] _runs =
    [
        Run("a", passed: true, steps: 2),
        Run("b", passed: true, steps: 4),
        Run("c", passed: false, steps: 5, "E0502"),
        Run("d", passed: false, steps: 1, "E0277", "E0308"),
        Run("e", passed: false, steps: 3),
    ];

    [Fact(Timeout = 10_000)]
    public async Task Pass_rate_is_passed_runs_over_all_runs()
    {
        await Task.Yield();
        EvalMetrics.PassRate(_runs).Should().Be(0.4);
        EvalMetrics.PassRate([]).Should().Be(0);
    }

    [Fact(Timeout = 10_000)]
    public async Task Mean_steps_to_green_counts_only_the_passed_runs()
    {
        await Task.Yield();
        EvalMetrics.MeanStepsToGreen(_runs).Should().Be(3);
        EvalMetrics.MeanStepsToGreen([_runs[2]]).Should().BeNull();
    }

    [Fact(Timeout = 10_000)]
    public async Task Repeat_error_rate_is_the_share_of_failures_still_showing_a_code_fixed_before()
    {
        await Task.Yield();
        EvalMetrics.RepeatErrorRate(_runs, _fixedBefore).Should().BeApproximately(2.0 / 3, 1e-12);
        EvalMetrics.RepeatErrorRate(_runs, new HashSet<string>()).Should().Be(0);
        EvalMetrics.RepeatErrorRate(_runs[..2], _fixedBefore).Should().Be(0, "nothing failed");
        EvalMetrics.IsRepeatError(_runs[0] with { RemainingErrorCodes = ["E0502"] }, _fixedBefore).Should().BeFalse("a pass is no error");
    }

    [Fact(Timeout = 30_000)]
    public async Task Codes_fixed_before_come_from_accepted_episodes_outside_eval()
    {
        using var dir = new TempDir("metrics");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var seeder = new EpisodeSeeder(journal);
        await seeder.AddAsync("burn-down", "a", EpisodeOutcome.Accepted, ["E0382", "E0502"], ["E0502"]);
        await seeder.AddAsync("burn-down", "b", EpisodeOutcome.Rejected, ["E0499"], []);
        await seeder.AddAsync("eval", "borrow-temporary-dropped", EpisodeOutcome.Accepted, ["E0716"], []);
        await seeder.AddAsync("practice", "traits-rc-not-send", EpisodeOutcome.Accepted, ["E0277"], []);
        await seeder.AddAsync("practice", "traits-hashmap-key", EpisodeOutcome.Accepted, ["E0277", "E0599"], []);
        var episodes = await seeder.Episodes.ReadAsync(EpisodeQuery.All, CancellationToken.None);

        var fixedBefore = EvalMetrics.FixedErrorCodes(episodes, new EvalGuard(BundledKoans.Set));

        fixedBefore.Should().BeEquivalentTo(["E0382", "E0277", "E0599"]);
    }

    private static EvalRun Run(string koan, bool passed, int steps, params string[] remaining) =>
        new(koan, "borrow", 1, passed, steps, AgentStopReason.Finished, remaining, 0);
}
