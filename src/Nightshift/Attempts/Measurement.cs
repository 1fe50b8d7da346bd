using Nightshift.Probing;
using Nightshift.Verification;

namespace Nightshift.Attempts;

/// <summary>A commit as measured: the probe's snapshot and the tests (null when none are configured).</summary>
public sealed record Measurement(string Commit, Snapshot Snapshot, TestSuiteResult? Tests);
