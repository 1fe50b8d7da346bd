using Nightshift.Agents;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// What an agent may measure during a bench run: the task's own <c>check</c> command (a build, the visible
/// tests), never the acceptance. A bench has no probe, so there are no diagnostics to re-check.
/// </summary>
internal sealed class BenchWorkspaceChecks(ConfiguredCommand? check, string worktree, TimeSpan timeout, ProcessRunner runner)
    : IWorkspaceChecks
{
    private const int ShownCharacters = 8_000;

    public Task<IReadOnlyList<Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Diagnostic>>([]);

    public async Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken)
    {
        if (check is null)
        {
            return new TestRunSummary(0, 0, 0, "This bench task has no check command: read the code and reason about it.");
        }

        var spec = check.ToSpec() with { WorkingDirectory = worktree, Timeout = timeout, Confinement = Confinement.Of(worktree) };
        CommandResult result;
        try
        {
            result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandStartException e)
        {
            return new TestRunSummary(0, 1, 0, e.Message);
        }

        var output = $"$ {check}\n{result.StandardOutput}{result.StandardError}";
        if (output.Length > ShownCharacters)
        {
            output = "...\n" + output[^ShownCharacters..];
        }

        return result.Succeeded
            ? new TestRunSummary(1, 0, 0, output)
            : new TestRunSummary(0, 1, 0, $"{output}\n(exit code {result.ExitCode}, {result.StopCause})");
    }
}
