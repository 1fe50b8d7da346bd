namespace Nightshift.Testing;

/// <summary>The outcome of one test, as its runner reported it.</summary>
/// <param name="Name">The runner's full name for the test; stable across runs, so before and
/// after can be compared by it.</param>
/// <param name="Outcome">Passed, failed (errors count as failures) or skipped.</param>
/// <param name="Duration">How long it took, where the runner says.</param>
/// <param name="Message">Why it failed or was skipped, where the runner says.</param>
public sealed record TestResult(string Name, TestOutcome Outcome, TimeSpan? Duration = null, string? Message = null);
