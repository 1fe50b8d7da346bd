using Nightshift.Execution;
using Nightshift.Git;

namespace Nightshift.Workloads.Learn.Koans;

public sealed partial class KoanWorkspace
{
    /// <summary>
    /// Makes the workspace a git repository with the koan as its first commit, so that <see cref="DiffAsync"/>
    /// shows exactly what an agent changed, new and deleted files included, as a patch <c>git apply</c> reads.
    /// </summary>
    public async Task InitGitAsync(ProcessRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        await GitAsync(runner, ["init", "-q"], cancellationToken).ConfigureAwait(false);
        await GitAsync(runner, ["add", "-A"], cancellationToken).ConfigureAwait(false);
        await GitAsync(runner, ["commit", "-q", "--no-gpg-sign", "--no-verify", "-m", $"koan {Koan.Id}"], cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The change since <see cref="InitGitAsync"/> as a unified diff; empty when nothing changed.</summary>
    public async Task<string> DiffAsync(ProcessRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        await GitAsync(runner, ["add", "-A"], cancellationToken).ConfigureAwait(false);
        var diff = await GitAsync(
            runner, ["diff", "--cached", "--no-color", "--no-ext-diff", "--no-renames"], cancellationToken).ConfigureAwait(false);
        return diff.StandardOutput;
    }

    private async Task<CommandResult> GitAsync(ProcessRunner runner, string[] arguments, CancellationToken cancellationToken)
    {
        // A scratch repository: the user's global and system git configuration (hooks, signing, a diff driver) must not
        // change what a koan's diff looks like or whether its commit succeeds.
        var result = await new ScratchRepository(Path, runner).TryRunAsync(arguments, cancellationToken, TimeSpan.FromSeconds(60))
            .ConfigureAwait(false);
        return result.Succeeded
            ? result
            : throw new NightshiftException(
                $"{result.CommandLine} failed in the koan workspace {Path} (exit code {result.ExitCode}): {result.StandardError.Trim()}",
                isFatal: false);
    }
}
