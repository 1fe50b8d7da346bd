using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Probing;
using Nightshift.Verification;
using Nightshift.Workspaces;

namespace Nightshift.Attempts;

/// <summary>
/// Measures a worktree the way every verdict on clusters does — the session's probe, then the configured tests — for a
/// baseline (the tests run <c>tests.runs</c> times to find flaky ones) or for an attempt's change (once).
/// </summary>
public sealed class WorktreeMeasurer(IProbe probe, TestsConfig? tests, ProcessRunner runner)
{
    public IProbe Probe => probe;

    /// <summary>The baseline of <paramref name="commit"/>, checked out in <paramref name="workspace"/>.</summary>
    public Task<Measurement> BaselineAsync(Workspace workspace, string commit, CancellationToken cancellationToken) =>
        MeasureAsync(workspace, commit, baseline: true, cancellationToken);

    /// <summary>The worktree holding an attempt's change on top of <paramref name="basisCommit"/>.</summary>
    public Task<Measurement> ChangeAsync(Workspace workspace, string basisCommit, CancellationToken cancellationToken) =>
        MeasureAsync(workspace, basisCommit, baseline: false, cancellationToken);

    /// <summary>The tests of <paramref name="workspace"/>, run with its environment and build folders; null when none are configured.</summary>
    public TestRunner? TestsIn(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return tests is null ? null : new TestRunner(runner, tests, workspace.Environment, workspace.BuildOutputs);
    }

    private async Task<Measurement> MeasureAsync(Workspace workspace, string commit, bool baseline, CancellationToken cancellationToken)
    {
        var snapshot = await probe.RunAsync(workspace.Path, ProbeOptions.Default, null, cancellationToken).ConfigureAwait(false);
        var results = TestsIn(workspace) is { } testRunner
            ? baseline
                ? await testRunner.RunBaselineAsync(workspace.Path, cancellationToken).ConfigureAwait(false)
                : await testRunner.RunAsync(workspace.Path, runs: 1, cancellationToken).ConfigureAwait(false)
            : null;
        return new Measurement(commit, snapshot, results);
    }
}
