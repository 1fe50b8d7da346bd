using Nightshift.Agents;
using Nightshift.Attempts;
using Nightshift.Diagnostics;
using Nightshift.Probing;
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
    // A generated file larger than this is left out of what show_generated returns.
    private const int MaxGeneratedBytes = 200_000;

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

    public async Task<GeneratedOutput?> GenerateAsync(string item, CancellationToken cancellationToken)
    {
        if (await measurer.BuildAsync(workspace, cancellationToken).ConfigureAwait(false) is { Passed: false } failed)
        {
            return new GeneratedOutput(item, [], [WorkspaceBuild.AsDiagnostic(failed)]);
        }

        var kept = Directory.CreateTempSubdirectory("nightshift-generated-");
        try
        {
            var options = WorktreeMeasurer.ProbeOptionsFor(workspace) with { Items = [item], UseCache = false, KeepOutputsIn = kept.FullName };
            var snapshot = await measurer.Probe.RunAsync(workspace.Path, options, progress: null, cancellationToken).ConfigureAwait(false);
            if (snapshot.Items.Count == 0)
            {
                return null;
            }

            var folder = Path.Combine(kept.FullName, item);
            var files = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                    .Select(file => ($"{WorkPaths.Placeholder}/{Path.GetRelativePath(folder, file).Replace('\\', '/')}", ReadText(file)))
                    .Where(file => file.Item2 is not null)
                    .Select(file => (file.Item1, file.Item2!))
                    .ToList()
                : [];
            return new GeneratedOutput(item, files, snapshot.Diagnostics);
        }
        finally
        {
            kept.Delete(recursive: true);
        }
    }

    // Text outputs only: a compiler's metadata or object files say nothing to an agent.
    private static string? ReadText(string file)
    {
        var bytes = File.ReadAllBytes(file);
        return bytes.Length > MaxGeneratedBytes || bytes.Contains((byte)0) ? null : System.Text.Encoding.UTF8.GetString(bytes);
    }

    public Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken) =>
        AgentTestRuns.RunAsync(
            measurer.TestsIn(workspace), workspace.Path,
            "This repository has no tests configured; the verdict judges the probe's diagnostics only.", cancellationToken);
}
