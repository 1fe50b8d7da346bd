using Nightshift.Testing;
using Nightshift.Verification;
using static Nightshift.Tests.Verification.Builds;

namespace Nightshift.Tests.Verification;

public sealed class VerifierTestRuleSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task A_fix_that_breaks_a_passing_test_is_rejected_naming_the_test()
    {
        // The first example: the target shrinks, and a test that passed now fails.
        var input = Good(await Diffs.SourceFixAsync()) with
        {
            TestsAfter = Suite(("tests::adds", TestOutcome.Passed), ("tests::doubles", TestOutcome.Failed), ("tests::halves", TestOutcome.Passed)),
        };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().ContainSingle().Which.Should().Be(
            new RejectionReason.TestBroke("tests::doubles", TestOutcome.Failed, "tests::doubles panicked\nmore"));
        verdict.Reasons[0].Message.Should().Be("test tests::doubles passed at baseline and failed after: tests::doubles panicked");
        verdict.Figures.Tests.Should().BeEquivalentTo(new { PassedBefore = 3, TotalBefore = 3, PassedAfter = 2, TotalAfter = 3 });
    }

    [Fact(Timeout = 60_000)]
    public async Task A_passing_test_that_goes_missing_or_is_skipped_after_is_broken()
    {
        var input = Good(await Diffs.SourceFixAsync()) with
        {
            TestsAfter = Suite(("tests::adds", TestOutcome.Passed), ("tests::halves", TestOutcome.Skipped)),
        };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().Equal(
            new RejectionReason.TestBroke("tests::doubles", null, null),
            new RejectionReason.TestBroke("tests::halves", TestOutcome.Skipped, null));
        verdict.Reasons.Select(r => r.Message).Should().Equal(
            "test tests::doubles passed at baseline and did not report after",
            "test tests::halves passed at baseline and was skipped after");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_test_failing_at_baseline_may_stay_failing()
    {
        var red = new[] { ("tests::adds", TestOutcome.Passed), ("tests::legacy", TestOutcome.Failed) };
        var input = Good(await Diffs.SourceFixAsync()) with { TestsBefore = Suite(red), TestsAfter = Suite(red) };

        var verdict = Verifier.Decide(input);

        verdict.IsAccepted.Should().BeTrue();
        verdict.Figures.ToTrailer().Should().Be("Verified: rustc:error:E0308 12 -> 7; errors 15 -> 10; tests 1/2");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_test_that_was_flaky_at_baseline_is_quarantined_and_ignored()
    {
        var before = Suite(
            Run(("tests::adds", TestOutcome.Passed), ("tests::racy", TestOutcome.Passed), ("tests::sometimes", TestOutcome.Passed)),
            Run(("tests::adds", TestOutcome.Passed), ("tests::racy", TestOutcome.Failed), ("tests::sometimes", TestOutcome.Passed)),
            Run(("tests::adds", TestOutcome.Passed), ("tests::racy", TestOutcome.Passed)));
        var after = Suite(("tests::adds", TestOutcome.Passed), ("tests::racy", TestOutcome.Failed));
        var input = Good(await Diffs.SourceFixAsync()) with { TestsBefore = before, TestsAfter = after };

        var verdict = Verifier.Decide(input);

        before.Quarantined.Should().Equal("tests::racy", "tests::sometimes");
        verdict.IsAccepted.Should().BeTrue(verdict.Summary);
        verdict.Figures.Tests!.Quarantined.Should().Equal("tests::racy", "tests::sometimes");
        verdict.Figures.Tests.RunsBefore.Should().Be(3);
        verdict.Figures.ToTrailer().Should().Be("Verified: rustc:error:E0308 12 -> 7; errors 15 -> 10; tests 1/2 (2 quarantined)");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_test_that_fails_in_any_run_after_counts_as_failing()
    {
        var after = Suite(Run(Green), Run([.. Green.Select(t => t.Item1 == "tests::halves" ? (t.Item1, TestOutcome.Failed) : t)]));
        var input = Good(await Diffs.SourceFixAsync()) with { TestsAfter = after };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().ContainSingle().Which.Should().BeOfType<RejectionReason.TestBroke>()
            .Which.Should().BeEquivalentTo(new { Test = "tests::halves", After = TestOutcome.Failed });
    }

    [Fact(Timeout = 60_000)]
    public async Task Tests_that_ran_at_baseline_and_cannot_run_after_are_rejected_with_the_reason()
    {
        var input = Good(await Diffs.SourceFixAsync()) with
        {
            TestsAfter = NotRun("'cargo test' exited 101 without reporting a test result: error: could not compile `demo`"),
        };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().ContainSingle().Which.Message.Should().Be(
            "the tests did not run after the attempt: 'cargo test' exited 101 without reporting a test result: error: could not compile `demo`");
        verdict.Figures.ToTrailer().Should().Be("Verified: rustc:error:E0308 12 -> 7; errors 15 -> 10; tests did not run");
    }

    [Fact(Timeout = 60_000)]
    public async Task Tests_that_could_not_run_at_baseline_are_not_held_against_the_attempt()
    {
        var input = Good(await Diffs.SourceFixAsync()) with
        {
            TestsBefore = NotRun("the tests do not build"),
            TestsAfter = NotRun("the tests still do not build"),
        };

        var verdict = Verifier.Decide(input);

        verdict.IsAccepted.Should().BeTrue();
        verdict.Figures.Tests.Should().BeEquivalentTo(new { RanBefore = false, RanAfter = false, PassedBefore = 0, TotalBefore = 0 });
    }

    [Fact(Timeout = 60_000)]
    public async Task A_green_suite_that_exits_non_zero_after_is_broken_even_when_every_named_test_passes()
    {
        var after = Suite(new TestRun(
            [.. Green.Select(t => new TestResult(t.Item1, t.Item2)), new TestResult("tests::brand_new", TestOutcome.Failed)],
            101,
            TimeSpan.FromSeconds(1)));
        var input = Good(await Diffs.SourceFixAsync()) with { TestsAfter = after };

        var verdict = Verifier.Decide(input);

        verdict.Reasons.Should().ContainSingle().Which.Message.Should().Be(
            "the test command passed at baseline and failed after: it exited 0 at baseline and 101 after");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_suite_red_only_because_a_quarantined_test_failed_is_not_broken_and_the_quarantine_carries_over()
    {
        var baseline = Suite(
            Run(("tests::adds", TestOutcome.Passed), ("tests::racy", TestOutcome.Passed)),
            Run(("tests::adds", TestOutcome.Passed), ("tests::racy", TestOutcome.Failed)));
        var landed = Suite(new TestRun([new TestResult("tests::adds", TestOutcome.Passed), new TestResult("tests::racy", TestOutcome.Passed)], 0, TimeSpan.FromSeconds(1)));
        var tip = landed.KeepingQuarantineOf(baseline);
        var after = Suite(new TestRun([new TestResult("tests::adds", TestOutcome.Passed), new TestResult("tests::racy", TestOutcome.Failed)], 101, TimeSpan.FromSeconds(1)));

        var verdict = Verifier.Decide(Good(await Diffs.SourceFixAsync()) with { TestsBefore = tip, TestsAfter = after });
        var forgetful = Verifier.Decide(Good(await Diffs.SourceFixAsync()) with { TestsBefore = landed, TestsAfter = after });

        tip.Quarantined.Should().Equal("tests::racy");
        tip.ExitedZero.Should().BeTrue("the one run after the landing was green");
        verdict.IsAccepted.Should().BeTrue(verdict.Summary);
        forgetful.Reasons.Should().ContainSingle().Which.Should().BeOfType<RejectionReason.TestBroke>()
            .Which.Test.Should().Be("tests::racy", "without the baseline's quarantine the flaky test counts");
    }

    [Fact(Timeout = 60_000)]
    public async Task With_the_exit_code_format_the_command_is_the_one_test()
    {
        var pass = Suite((TestResults.ExitCodeName, TestOutcome.Passed));
        var fail = Suite(new TestRun([new TestResult(TestResults.ExitCodeName, TestOutcome.Failed, Message: "the test command exited 2")], 2, TimeSpan.Zero));

        var accepted = Verifier.Decide(Good(await Diffs.SourceFixAsync()) with { TestsBefore = pass, TestsAfter = pass });
        var rejected = Verifier.Decide(Good(await Diffs.SourceFixAsync()) with { TestsBefore = pass, TestsAfter = fail });

        accepted.Figures.ToTrailer().Should().EndWith("; tests 1/1");
        rejected.Reasons.Should().ContainSingle().Which.Message.Should().Be(
            "the test command passed at baseline and failed after: the test command exited 2");
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_tests_configured_only_the_probe_and_the_policy_decide()
    {
        var input = Good(await Diffs.SourceFixAsync()) with { TestsBefore = null, TestsAfter = null };

        var verdict = Verifier.Decide(input);

        verdict.IsAccepted.Should().BeTrue();
        verdict.Figures.Tests.Should().BeNull();
        verdict.Figures.ToTrailer().Should().Be("Verified: rustc:error:E0308 12 -> 7; errors 15 -> 10; no tests");
    }
}
