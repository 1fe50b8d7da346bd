using Nightshift.Testing;

namespace Nightshift.Verification;

public static partial class Verifier
{
    private static List<RejectionReason> TestReasons(TestSuiteResult before, TestSuiteResult after)
    {
        if (!before.Ran)
        {
            return [];
        }

        if (!after.Ran)
        {
            return [new RejectionReason.TestsDidNotRun(after.NotRunReason!)];
        }

        var reasons = new List<RejectionReason>();
        foreach (var test in before.Passing.Except(before.Quarantined, StringComparer.Ordinal))
        {
            if (!after.IsPassing(test))
            {
                var worst = after.WorstResult(test);
                reasons.Add(new RejectionReason.TestBroke(test, worst?.Outcome, worst?.Message));
            }
        }

        // A suite that was green and is red with every named test still passing: a new failing test,
        // a doc-test that no longer builds, a crash after the last report. The exit code says what names don't,
        // unless the names do: the only failures are quarantined (flaky) tests.
        if (reasons.Count == 0 && before.ExitedZero && !after.ExitedZero && !after.OnlyFailuresAmong(before.Quarantined))
        {
            reasons.Add(new RejectionReason.TestBroke(
                TestResults.ExitCodeName, TestOutcome.Failed, $"it exited 0 at baseline and {after.FailingExitCode} after"));
        }

        return reasons;
    }

    /// <summary>The test figures of a verdict: the suite before and after an attempt; null unless both ran.</summary>
    private static TestFigures? TestFiguresOf(TestSuiteResult? before, TestSuiteResult? after) =>
        before is null || after is null
            ? null
            : new TestFigures(
                before.Passing.Count,
                before.Tests.Count,
                after.Passing.Count,
                after.Tests.Count,
                before.Runs.Count,
                before.Ran,
                after.Ran,
                before.Quarantined);
}
