namespace Nightshift.Testing;

/// <summary>Reads test results. Parsers are stateless and thread-safe.</summary>
public interface ITestResultParser
{
    /// <summary>
    /// Reads the results in <paramref name="output"/>: the test command's captured output for
    /// cargo-test, the content of the results file for trx and junit (one file per call).
    /// <para>
    /// A non-zero <paramref name="exitCode"/> with no failing test among the results adds one
    /// failed result named <see cref="TestResults.ExitCodeName"/>: tests that did not build, or
    /// a runner that crashed before writing results, must never read as a pass.
    /// </para>
    /// </summary>
    /// <exception cref="TestResultsFormatException">A results file that is not what its format says.</exception>
    IReadOnlyList<TestResult> Parse(string output, int exitCode);
}
