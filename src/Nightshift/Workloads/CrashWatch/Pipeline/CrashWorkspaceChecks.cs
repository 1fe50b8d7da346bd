using System.Globalization;
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
    private const int ShownCharacters = 4_000;

    public async Task<IReadOnlyList<Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var build = config.RequireBuild("crash-watch");
        var spec = build.Command.ToSpec() with
        {
            WorkingDirectory = workspace.Path,
            Environment = workspace.Environment,
            Timeout = build.Timeout,
            Confinement = workspace.Confinement,
        };
        CommandResult result;
        try
        {
            result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandStartException e)
        {
            return [new Diagnostic("build", Severity.Error, null, e.Message, null)];
        }

        if (result.Succeeded)
        {
            return [];
        }

        var output = (result.StandardError + result.StandardOutput).Trim();
        var shown = output.Length > ShownCharacters ? "…" + output[^ShownCharacters..] : output;
        return [new Diagnostic("build", Severity.Error, null, string.Create(CultureInfo.InvariantCulture, $"'{build.Command}' exited {result.ExitCode}"), null)
        {
            Rendered = shown,
        }];
    }

    public Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken) =>
        AgentTestRuns.RunAsync(
            config.Tests is { } tests ? new TestRunner(runner, tests, workspace.Environment, workspace.BuildOutputs) : null,
            workspace.Path,
            "No tests are configured (tests): the verdict checks the build and the repro.",
            cancellationToken);
}
