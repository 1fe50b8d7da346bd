using Nightshift.Clustering;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Probing;
using Nightshift.Testing;
using Nightshift.Verification;

namespace Nightshift.Tests.Verification;

/// <summary>Small hand-built snapshots, test suites and verdict inputs for the verifier's specs.</summary>
internal static class Builds
{
    public static readonly ClusterKey E0308 = new("rustc", Severity.Error, "E0308", null);
    public static readonly ClusterKey E0599 = new("rustc", Severity.Error, "E0599", null);
    public static readonly ClusterKey E0277 = new("rustc", Severity.Error, "E0277", null);

    /// <summary>A one-command snapshot with <c>count</c> diagnostics per cluster, each at its own line.</summary>
    public static Snapshot Snapshot(params (ClusterKey Key, int Count)[] clusters) =>
        new([new ItemResult("(command)", Diagnostics(clusters), clusters.Any(c => c.Count > 0 && c.Key.Severity == Severity.Error) ? 101 : 0, false, TimeSpan.FromSeconds(1))]);

    public static IReadOnlyList<Diagnostic> Diagnostics(params (ClusterKey Key, int Count)[] clusters) =>
    [
        .. clusters.SelectMany(c => Enumerable.Range(1, c.Count).Select(line =>
            new Diagnostic(c.Key.Tool, c.Key.Severity, c.Key.Code, c.Key.Template ?? $"problem {c.Key.Code}", new SourceSpan("src/lib.rs", line, 1))
            {
                Item = "(command)",
            })),
    ];

    /// <summary>One run that ran, with these outcomes, exiting 101 when any failed.</summary>
    public static TestRun Run(params (string Name, TestOutcome Outcome)[] tests) => TestRun.Completed(
        tests.Select(t => new TestResult(t.Name, t.Outcome, Message: t.Outcome == TestOutcome.Failed ? $"{t.Name} panicked\nmore" : null)),
        tests.Any(t => t.Outcome == TestOutcome.Failed) ? 101 : 0,
        TimeSpan.FromSeconds(1));

    public static TestSuiteResult Suite(params (string Name, TestOutcome Outcome)[] tests) => new([Run(tests)]);

    public static TestSuiteResult Suite(params TestRun[] runs) => new(runs);

    public static TestSuiteResult NotRun(string reason) => new([TestRun.NotRun(reason, 101, TimeSpan.FromSeconds(1))]);

    public static readonly (string, TestOutcome)[] Green =
        [("tests::adds", TestOutcome.Passed), ("tests::doubles", TestOutcome.Passed), ("tests::halves", TestOutcome.Passed)];

    /// <summary>An input that is accepted as it stands: E0308 12 -> 7, tests green, a small source fix.</summary>
    public static VerdictInput Good(string diff) => new(
        E0308,
        Snapshot((E0308, 12), (E0599, 3)),
        Snapshot((E0308, 7), (E0599, 3)),
        Suite(Green),
        Suite(Green),
        diff,
        new PolicyConfig());
}
