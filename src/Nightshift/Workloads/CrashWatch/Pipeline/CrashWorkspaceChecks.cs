using Nightshift.Agents;
using Nightshift.Attempts;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Execution;
using Nightshift.Verification;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>
/// What an agent may measure while it fixes a crash: the build (<c>build</c>, as one diagnostic when it fails, since a crash
/// fix has no probe) and the tests (<c>tests</c>), both in its worktree.
/// </summary>
internal sealed class CrashWorkspaceChecks(NightshiftConfig config, Workspace workspace, ProcessRunner runner) : IWorkspaceChecks
{
    public async Task<IReadOnlyList<Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var build = await WorkspaceBuild.RunAsync(config.RequireBuild("crash-watch"), workspace, runner, cancellationToken).ConfigureAwait(false);
        return build.Passed ? [] : [WorkspaceBuild.AsDiagnostic(build)];
    }

    public Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken) =>
        AgentTestRuns.RunAsync(
            config.Tests is { } tests ? new TestRunner(runner, tests, workspace.Environment, workspace.BuildOutputs) : null,
            workspace.Path,
            "No tests are configured (tests): the verdict checks the build and the repro.",
            cancellationToken);
}
