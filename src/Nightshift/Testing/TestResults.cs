namespace Nightshift.Testing;

/// <summary>Creates the reader for a configured test format, and holds what the readers share.</summary>
public static class TestResults
{
    /// <summary>The name of the result that stands for the command's exit code. It carries no
    /// number, so that runs can be compared by name.</summary>
    public const string ExitCodeName = "(exit code)";

    public static ITestResultParser For(TestFormat format) => format switch
    {
        TestFormat.CargoTest => new CargoTestParser(),
        TestFormat.Trx => new TrxParser(),
        TestFormat.JUnit => new JUnitParser(),
        TestFormat.ExitCode => new ExitCodeTestParser(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown test format."),
    };

    /// <summary>The exit-code guard every parser applies (see <see cref="ITestResultParser.Parse"/>).</summary>
    internal static IReadOnlyList<TestResult> GuardedBy(this List<TestResult> results, int exitCode)
    {
        if (exitCode != 0 && !results.Any(r => r.Outcome == TestOutcome.Failed))
        {
            results.Add(new TestResult(
                ExitCodeName,
                TestOutcome.Failed,
                Message: $"the test command exited with {exitCode} but reported no failing test"));
        }

        return results;
    }
}
