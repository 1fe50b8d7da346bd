using Nightshift.Testing;

namespace Nightshift.Verification;

/// <summary>
/// One run of the test command: what it reported, or why it reported nothing usable. A suite that did
/// not run (the command could not start or timed out, the tests did not build, no results file was
/// written) has no results to compare, which is different from tests that ran and failed.
/// </summary>
/// <param name="Results">Every test the run reported, one per name.</param>
/// <param name="Duration">How long the command ran.</param>
/// <param name="ExitCode">The command's exit code (-1 when it could not start).</param>
/// <param name="NotRunReason">Why the run counts as not run; null when it ran.</param>
public sealed record TestRun(IReadOnlyList<TestResult> Results, int ExitCode, TimeSpan Duration, string? NotRunReason = null)
{
    public bool Ran => NotRunReason is null;

    public static TestRun NotRun(string reason, int exitCode, TimeSpan duration) => new([], exitCode, duration, reason);

    /// <summary>
    /// One result per name: cargo test names tests per binary, so a lib and a bin target can both have
    /// tests::it_works. A name counts as failed when any of its tests failed, as passed when any passed.
    /// </summary>
    public static TestRun Completed(IEnumerable<TestResult> results, int exitCode, TimeSpan duration) => new(
        [.. results.GroupBy(r => r.Name, StringComparer.Ordinal).Select(same =>
            same.FirstOrDefault(r => r.Outcome == TestOutcome.Failed)
            ?? same.FirstOrDefault(r => r.Outcome == TestOutcome.Passed)
            ?? same.First())],
        exitCode,
        duration);
}
