using System.Diagnostics;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Probing;
using Nightshift.Verification;
using Nightshift.Workspaces;

namespace Nightshift.Attempts;

/// <summary>
/// Measures a worktree the way every verdict on clusters does: the configured <c>build</c> first (so a probe that runs a
/// generator built from the worktree measures the agent's edit, not the old binary), then the session's probe, then the
/// configured tests, all with the worker's environment (its own <c>CARGO_TARGET_DIR</c>, <c>workspace.env</c>), so builds
/// are incremental per worker. For a baseline the tests run <c>tests.runs</c> times to find flaky ones; for an attempt's
/// change once.
/// </summary>
public sealed class WorktreeMeasurer(IProbe probe, TestsConfig? tests, BuildConfig? build, ProcessRunner runner)
{
    public IProbe Probe => probe;

    /// <summary>The baseline of <paramref name="commit"/>, checked out in <paramref name="workspace"/>.</summary>
    /// <exception cref="NightshiftException">The build fails before any change: no verdict could be measured against it.</exception>
    public async Task<Measurement> BaselineAsync(Workspace workspace, string commit, CancellationToken cancellationToken)
    {
        var measurement = await MeasureAsync(workspace, commit, baseline: true, cancellationToken).ConfigureAwait(false);
        return measurement.Build is { Passed: false } failed
            ? throw new NightshiftException(
                $"the build fails at {commit[..Math.Min(12, commit.Length)]} before any change ({failed.Outcome}): "
                + $"{(failed.Failure as RejectionReason.BuildFailed)?.Problem}. Fix the build, or the 'build' command in the configuration, first.")
            : measurement;
    }

    /// <summary>The worktree holding an attempt's change on top of <paramref name="basisCommit"/>; a failed build ends the measurement.</summary>
    public Task<Measurement> ChangeAsync(Workspace workspace, string basisCommit, CancellationToken cancellationToken) =>
        MeasureAsync(workspace, basisCommit, baseline: false, cancellationToken);

    /// <summary>The tests of <paramref name="workspace"/>, run with its environment and build folders; null when none are configured.</summary>
    public TestRunner? TestsIn(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return tests is null ? null : new TestRunner(runner, tests, workspace.Environment, workspace.BuildOutputs);
    }

    /// <summary>How the probe runs in <paramref name="workspace"/>: with its environment, writing its build outputs.</summary>
    public static ProbeOptions ProbeOptionsFor(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return new ProbeOptions { Environment = workspace.Environment, BuildOutputs = workspace.BuildOutputs };
    }

    /// <summary>Runs <c>build</c> in <paramref name="workspace"/>; null when none is configured.</summary>
    public async Task<VerdictCheck?> BuildAsync(Workspace workspace, CancellationToken cancellationToken) =>
        build is null ? null : await WorkspaceBuild.RunAsync(build, workspace, runner, cancellationToken).ConfigureAwait(false);

    private async Task<Measurement> MeasureAsync(Workspace workspace, string commit, bool baseline, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var built = await BuildAsync(workspace, cancellationToken).ConfigureAwait(false);
        if (built is { Passed: false })
        {
            return Measurement.Unbuilt(commit, built) with { Elapsed = clock.Elapsed };
        }

        var snapshot = await probe.RunAsync(workspace.Path, ProbeOptionsFor(workspace), null, cancellationToken).ConfigureAwait(false);
        var results = TestsIn(workspace) is { } testRunner
            ? baseline
                ? await testRunner.RunBaselineAsync(workspace.Path, cancellationToken).ConfigureAwait(false)
                : await testRunner.RunAsync(workspace.Path, runs: 1, cancellationToken).ConfigureAwait(false)
            : null;
        return new Measurement(commit, snapshot, results) { Build = built, Elapsed = clock.Elapsed };
    }
}
