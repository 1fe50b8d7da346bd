using Nightshift.Testing;
using Nightshift.Verification;
using static Nightshift.Tests.Verification.Builds;

namespace Nightshift.Tests.Verification;

public sealed class TestSuiteResultSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task A_test_reported_in_one_run_and_missing_from_another_is_quarantined()
    {
        var suite = Suite(Run(("a", TestOutcome.Passed), ("b", TestOutcome.Passed)), Run(("a", TestOutcome.Passed)));

        suite.Quarantined.Should().Equal("b");
        suite.Passing.Should().Equal("a");
        suite.Tests.Should().Equal("a", "b");
        suite.WorstResult("b").Should().BeNull();
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_run_that_did_not_run_is_kept_but_the_results_come_from_the_runs_that_ran()
    {
        var suite = Suite(Run(("a", TestOutcome.Passed)), TestRun.NotRun("timed out", 143, TimeSpan.FromMinutes(30)));

        suite.Ran.Should().BeTrue();
        suite.NotRunReason.Should().BeNull();
        suite.Runs.Should().HaveCount(2);
        suite.Passing.Should().Equal("a");
        suite.Quarantined.Should().BeEmpty();
        suite.ExitedZero.Should().BeTrue();
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_name_two_targets_share_fails_when_either_fails()
    {
        // cargo test names tests per binary: the lib and a bin can both have tests::it_works.
        var run = TestRun.Completed(
            [new TestResult("tests::it_works", TestOutcome.Passed), new TestResult("tests::it_works", TestOutcome.Failed, Message: "bin")],
            101,
            TimeSpan.Zero);

        run.Results.Should().ContainSingle().Which.Should().Be(new TestResult("tests::it_works", TestOutcome.Failed, Message: "bin"));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_worst_result_of_a_test_is_its_first_failure_then_its_first_skip()
    {
        var suite = Suite(
            Run(("a", TestOutcome.Passed), ("b", TestOutcome.Skipped)),
            Run(("a", TestOutcome.Failed), ("b", TestOutcome.Passed)));

        suite.WorstResult("a")!.Outcome.Should().Be(TestOutcome.Failed);
        suite.WorstResult("b")!.Outcome.Should().Be(TestOutcome.Skipped);
        suite.WorstResult("never").Should().BeNull();
        suite.IsPassing("a").Should().BeFalse();
        suite.FailingExitCode.Should().Be(101);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_suite_needs_a_run()
    {
        var act = () => new TestSuiteResult([]);

        act.Should().Throw<ArgumentException>();
        await Task.CompletedTask;
    }
}
