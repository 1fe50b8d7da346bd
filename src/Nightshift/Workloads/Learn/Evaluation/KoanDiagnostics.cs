using Nightshift.Attempts.Episodes;
using Nightshift.Diagnostics;
using Nightshift.Testing;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Workloads.Learn.Evaluation;

/// <summary>
/// A koan run as an episode's diagnostics: rustc's messages, and each failing test as an error of the tool
/// <c>test</c> (no code), so that "started from errors" covers koans that compile but fail their tests.
/// </summary>
public static class KoanDiagnostics
{
    public const string TestTool = "test";

    public static IReadOnlyList<EpisodeDiagnostic> From(KoanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var failed = run.Tests.Where(t => t.Outcome == TestOutcome.Failed).Select(t => new EpisodeDiagnostic(
            TestTool, Severity.Error, null, $"test {t.Name} failed", Koan.TestsFile, null, null, t.Message));
        return [.. EpisodeDiagnostic.From(run.Diagnostics), .. failed];
    }
}
