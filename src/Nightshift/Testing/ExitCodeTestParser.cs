namespace Nightshift.Testing;

/// <summary>For test commands without per-test output: the exit code is the one result.</summary>
public sealed class ExitCodeTestParser : ITestResultParser
{
    public IReadOnlyList<TestResult> Parse(string output, int exitCode) =>
    [
        exitCode == 0
            ? new TestResult(TestResults.ExitCodeName, TestOutcome.Passed)
            : new TestResult(TestResults.ExitCodeName, TestOutcome.Failed, Message: $"the test command exited with {exitCode}"),
    ];
}
