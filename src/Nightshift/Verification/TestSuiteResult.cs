using Nightshift.Testing;

namespace Nightshift.Verification;

/// <summary>
/// The test suite's results over one or more runs (<c>tests.runs</c>). Results come from the runs that
/// ran; a run that did not is kept for the record. A test whose outcome differs between the runs
/// that ran, including reported in one and absent from another, is <see cref="Quarantined"/>: flaky, so
/// neither its passing nor its failing says anything about a fix.
/// </summary>
public sealed class TestSuiteResult
{
    private readonly Dictionary<string, TestResult?[]> _byName;

    public TestSuiteResult(IReadOnlyList<TestRun> runs)
        : this(runs, [])
    {
    }

    /// <param name="runs">The runs, at least one.</param>
    /// <param name="knownFlaky">
    /// Tests an earlier result of the same session quarantined: they stay quarantined, so that a suite measured once (the run
    /// that verified a landed fix, now the tip's "before") does not forget what the baseline's runs found flaky.
    /// </param>
    public TestSuiteResult(IReadOnlyList<TestRun> runs, IEnumerable<string> knownFlaky)
    {
        ArgumentNullException.ThrowIfNull(knownFlaky);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("A test suite result needs at least one run.", nameof(runs));
        }

        Runs = runs;
        var ran = runs.Where(r => r.Ran)
            .Select(r => r.Results.DistinctBy(t => t.Name, StringComparer.Ordinal).ToDictionary(t => t.Name, StringComparer.Ordinal))
            .ToList();
        _byName = ran.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => ran.Select(r => r.GetValueOrDefault(name)).ToArray(), StringComparer.Ordinal);
        Tests = [.. _byName.Keys.Order(StringComparer.Ordinal)];
        Quarantined = [.. _byName.Where(t => t.Value.Select(r => r?.Outcome).Distinct().Count() > 1)
            .Select(t => t.Key).Union(knownFlaky, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Passing = [.. _byName.Where(t => t.Value.All(r => r?.Outcome == TestOutcome.Passed))
            .Select(t => t.Key).Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<TestRun> Runs { get; }

    /// <summary>True when at least one run ran.</summary>
    public bool Ran => Runs.Any(r => r.Ran);

    /// <summary>Why no run ran (the first run's reason); null when one did.</summary>
    public string? NotRunReason => Ran ? null : Runs[0].NotRunReason;

    /// <summary>Every test name reported by a run that ran, ordinal order.</summary>
    public IReadOnlyList<string> Tests { get; }

    /// <summary>Tests that passed in every run that ran, ordinal order.</summary>
    public IReadOnlyList<string> Passing { get; }

    /// <summary>Tests whose outcome differed between runs, ordinal order.</summary>
    public IReadOnlyList<string> Quarantined { get; }

    /// <summary>True when every run that ran exited 0: the suite as a whole was green.</summary>
    public bool ExitedZero => Ran && Runs.Where(r => r.Ran).All(r => r.ExitCode == 0);

    /// <summary>The first non-zero exit code among the runs that ran, or 0.</summary>
    public int FailingExitCode => Runs.Where(r => r.Ran).Select(r => r.ExitCode).FirstOrDefault(code => code != 0);

    /// <summary>This result with <paramref name="other"/>'s quarantined tests quarantined too (see the constructor); itself when there are none.</summary>
    public TestSuiteResult KeepingQuarantineOf(TestSuiteResult? other) =>
        other is null || other.Quarantined.Count == 0 ? this : new TestSuiteResult(Runs, Quarantined.Union(other.Quarantined, StringComparer.Ordinal));

    /// <summary>
    /// True when a test failed and every test that failed is in <paramref name="flaky"/> (a quarantine): the flaky tests
    /// explain a non-zero exit, so the exit code says nothing more about the suite.
    /// </summary>
    public bool OnlyFailuresAmong(IReadOnlyList<string> flaky)
    {
        ArgumentNullException.ThrowIfNull(flaky);
        var failed = _byName.Where(t => t.Value.Any(r => r?.Outcome == TestOutcome.Failed)).Select(t => t.Key).ToList();
        return failed.Count > 0 && failed.All(t => flaky.Contains(t, StringComparer.Ordinal));
    }

    public bool IsPassing(string test) => _byName.TryGetValue(test, out var results) && results.All(r => r?.Outcome == TestOutcome.Passed);

    /// <summary>
    /// How <paramref name="test"/> did when it did not pass in every run: the first failure if it failed
    /// in any run, else the first skip, else null (it was missing from a run, or from all of them).
    /// </summary>
    public TestResult? WorstResult(string test)
    {
        if (!_byName.TryGetValue(test, out var results))
        {
            return null;
        }

        return results.FirstOrDefault(r => r?.Outcome == TestOutcome.Failed)
            ?? results.FirstOrDefault(r => r?.Outcome == TestOutcome.Skipped)
            ?? (results.All(r => r is not null) ? results[0] : null);
    }
}
