using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;

namespace Nightshift.Cli.Commands;

/// <summary>
/// The one place a command line chooses its sandbox (issue 14): every command that runs code from a worktree (run,
/// verify, baseline, crash-watch, bench run, eval, learn, demo) gets its runner here, before it takes a lock or
/// touches the journal, so that without a sandbox it refuses at once (exit 2) rather than part-way through.
/// </summary>
internal static class SandboxedRunner
{
    public static async Task<ProcessRunner> CreateAsync(SandboxConfig? config, CliHost host, CancellationToken cancellationToken)
    {
        var sandbox = await SandboxSelector.SelectAsync(config ?? new SandboxConfig(), cancellationToken);
        switch (sandbox)
        {
            case Sandbox.Unavailable unavailable:
                throw new SandboxUnavailableException(unavailable.Reason);
            case Sandbox.Off off:
                await host.Error.WriteLineAsync($"nightshift: sandbox: {off.Description}");
                break;
        }

        return new ProcessRunner(sandbox);
    }
}
