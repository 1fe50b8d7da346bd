using Nightshift.Probing;
using Nightshift.Verification;

namespace Nightshift.Workloads.BurnDown;

/// <summary>A commit of the session branch as measured: the probe's snapshot and the tests (null when none are configured).</summary>
internal sealed record Measurement(string Commit, Snapshot Snapshot, TestSuiteResult? Tests);
