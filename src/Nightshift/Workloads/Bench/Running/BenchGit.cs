using Nightshift.Execution;
using Nightshift.Git;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// The few git commands a bench needs on its own throwaway workspaces, as <see cref="ScratchRepository"/> runs them.
/// Failures are infrastructure errors: these repositories are ours, so a failing git is a broken sandbox.
/// </summary>
internal sealed class BenchGit(ProcessRunner runner)
{
    public async Task<string> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await new ScratchRepository(workingDirectory, runner).RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (GitException e)
        {
            throw new BenchInfrastructureException(e.Message);
        }
    }

    /// <summary>The NUL-separated items of a <c>-z</c> listing.</summary>
    public static IReadOnlyList<string> SplitZ(string output) => ScratchRepository.SplitZ(output);
}
