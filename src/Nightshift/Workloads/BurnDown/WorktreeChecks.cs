using Nightshift.Agents;
using Nightshift.Attempts;
using Nightshift.Diagnostics;
using Nightshift.Probing;
using Nightshift.Verification;

namespace Nightshift.Workloads.BurnDown;

/// <summary>
/// What an agent may measure in its worktree during a night: the session's own probe (limited to the files it
/// names, so a check costs one corpus item and not the corpus) and the configured tests — the same measures the
/// verdict applies afterwards.
/// </summary>
internal sealed class WorktreeChecks(IProbe probe, TestRunner? tests, string worktree) : IWorkspaceChecks
{
    public async Task<IReadOnlyList<Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var options = files.Count == 0
            ? ProbeOptions.Default
            : ProbeOptions.Default with { Items = [.. files.Select(f => f.Replace('\\', '/'))] };
        var snapshot = await probe.RunAsync(worktree, options, progress: null, cancellationToken).ConfigureAwait(false);
        return snapshot.Diagnostics;
    }

    public Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken) =>
        AgentTestRuns.RunAsync(tests, worktree, "This repository has no tests configured; the verdict judges the probe's diagnostics only.", cancellationToken);
}
