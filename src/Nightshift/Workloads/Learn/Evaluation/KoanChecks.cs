using Nightshift.Agents;
using Nightshift.Diagnostics;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Workloads.Learn.Evaluation;

/// <summary>What an agent may measure while it works on a koan: rustc's diagnostics, and the koan's tests.</summary>
public sealed class KoanChecks(KoanToolchain toolchain, KoanWorkspace workspace) : IWorkspaceChecks
{
    // A koan is one file: checking "some files" is checking the crate.
    public Task<IReadOnlyList<Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        toolchain.CheckAsync(workspace.Path, workspace.BinDirectory, cancellationToken);

    public async Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken)
    {
        var run = await toolchain.TestAsync(workspace.Path, workspace.BinDirectory, cancellationToken).ConfigureAwait(false);
        return run.Compiled
            ? new TestRunSummary(run.Passed, run.Failed + Math.Max(0, run.ExpectedTests - run.Passed - run.Failed), 0, run.Output)
            : new TestRunSummary(0, run.ExpectedTests, 0, run.Output);
    }
}
