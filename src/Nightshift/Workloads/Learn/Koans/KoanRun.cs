using Nightshift.Diagnostics;
using Nightshift.Testing;

namespace Nightshift.Workloads.Learn.Koans;

/// <summary>What compiling a koan workspace with its tests and running them showed.</summary>
/// <param name="Compiled">Whether rustc produced the test binary.</param>
/// <param name="Diagnostics">rustc's messages (errors and warnings).</param>
/// <param name="Tests">Each test's outcome; empty when it did not compile.</param>
/// <param name="ExpectedTests">How many tests the koan's tests file declares.</param>
/// <param name="Output">What a person (or an agent) reads: rustc's rendered messages, or the test output.</param>
public sealed record KoanRun(
    bool Compiled,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<TestResult> Tests,
    int ExpectedTests,
    string Output)
{
    public int Passed => Tests.Count(t => t.Outcome == TestOutcome.Passed);

    public int Failed => Tests.Count(t => t.Outcome == TestOutcome.Failed);

    /// <summary>
    /// Compiled and every declared test passed. Counting against the declared tests is what stops a
    /// "fix" that deletes <c>mod tests;</c> from passing with zero tests run.
    /// </summary>
    public bool IsGreen => Compiled && Failed == 0 && Passed == ExpectedTests;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>One line for a person: "does not compile (E0502)", "2 of 3 tests fail", "3 tests pass".</summary>
    public string Describe()
    {
        if (!Compiled)
        {
            var codes = Errors.Select(e => e.Code).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            return codes.Count == 0 ? "does not compile" : $"does not compile ({string.Join(", ", codes)})";
        }

        return IsGreen
            ? $"{Passed} test(s) pass"
            : $"{Passed} of {ExpectedTests} test(s) pass, {Failed} fail";
    }
}
