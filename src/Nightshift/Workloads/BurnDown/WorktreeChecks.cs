using Nightshift.Agents;
using Nightshift.Attempts;
using Nightshift.Diagnostics;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.BurnDown;

/// <summary>
/// What an agent may measure in its worktree during a night, the same measures the verdict applies afterwards: the
/// configured build, then the session's probe, limited to the files the agent names plus the target cluster's sample
/// items (so a check costs a few corpus items, not the corpus, and an edit to a generator, which is no corpus item, is
/// measured where it shows), and the configured tests.
/// </summary>
internal sealed class WorktreeChecks(WorktreeMeasurer measurer, Workspace workspace, IReadOnlyList<string> samples) : IWorkspaceChecks
{
    public async Task<IReadOnlyList<Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        if (await measurer.BuildAsync(workspace, cancellationToken).ConfigureAwait(false) is { Passed: false } failed)
        {
            return [WorkspaceBuild.AsDiagnostic(failed)];
        }

        var options = WorktreeMeasurer.ProbeOptionsFor(workspace);
        if (files.Count > 0)
        {
            // Unchanged samples come from the cache, so a fix to one item costs that item.
            options = options with { Items = [.. files.Select(f => f.Replace('\\', '/')).Concat(samples).Distinct(StringComparer.Ordinal)] };
        }

        var snapshot = await measurer.Probe.RunAsync(workspace.Path, options, progress: null, cancellationToken).ConfigureAwait(false);
        return snapshot.Diagnostics;
    }

    public Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken) =>
        AgentTestRuns.RunAsync(
            measurer.TestsIn(workspace), workspace.Path,
            "This repository has no tests configured; the verdict judges the probe's diagnostics only.", cancellationToken);
}
