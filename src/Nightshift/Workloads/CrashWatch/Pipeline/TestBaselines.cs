using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Verification;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>
/// The tests at each commit of the session branch, measured once: a baseline run at a tip the first time an attempt starts
/// from it, or the results of the fix that made it (keeping what the baseline found flaky).
/// </summary>
internal sealed class TestBaselines(TestsConfig? tests, ProcessRunner runner)
{
    private readonly Dictionary<string, TestSuiteResult> _at = new(StringComparer.Ordinal);

    /// <summary>The tests at <paramref name="commit"/>, checked out in <paramref name="workspace"/>; null without tests.</summary>
    public async Task<TestSuiteResult?> AtAsync(string commit, Workspace workspace, CancellationToken cancellationToken)
    {
        if (tests is null)
        {
            return null;
        }

        if (!_at.TryGetValue(commit, out var results))
        {
            results = await new TestRunner(runner, tests, workspace.Environment, workspace.BuildOutputs).RunBaselineAsync(workspace.Path, cancellationToken)
                .ConfigureAwait(false);
            _at[commit] = results;
        }

        return results;
    }

    /// <summary>A fix landed as <paramref name="commit"/>: its test run is that tip's baseline.</summary>
    public void Landed(string commit, TestSuiteResult? after, TestSuiteResult? before)
    {
        if (after is not null)
        {
            _at[commit] = after.KeepingQuarantineOf(before);
        }
    }
}
