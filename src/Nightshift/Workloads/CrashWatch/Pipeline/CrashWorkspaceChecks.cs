using System.Globalization;
using Nightshift.Agents;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Execution;
using Nightshift.Testing;
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

    public async Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken)
    {
        if (config.Tests is not { } tests)
        {
            return new TestRunSummary(0, 0, 0, "No tests are configured (tests): the verdict checks the build and the repro.");
        }

        var run = await new TestRunner(runner, tests, workspace.Environment, workspace.BuildOutputs).RunOnceAsync(workspace.Path, cancellationToken).ConfigureAwait(false);
        if (!run.Ran)
        {
            return new TestRunSummary(0, 1, 0, $"The tests did not run: {run.NotRunReason}");
        }

        var failed = run.Results.Where(r => r.Outcome == TestOutcome.Failed).Select(r => r.Name).ToList();
        var output = failed.Count == 0 ? "All tests passed." : "Failing: " + string.Join(", ", failed.Take(20));
        return new TestRunSummary(run.Results.Count(r => r.Outcome == TestOutcome.Passed), failed.Count, run.Results.Count(r => r.Outcome == TestOutcome.Skipped), output);
    }
}
