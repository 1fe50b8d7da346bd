using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Nightshift.Execution.Sandboxing;

namespace Nightshift.Execution;

/// <summary>
/// Runs every external command Nightshift starts (probes, tests, builds, git, agents) under the same
/// rules, so they are written once:
/// <list type="bullet">
/// <item>an argument array, never a shell string;</item>
/// <item>the child leads its own process group (it is started through setsid), so one signal reaches
/// everything it started;</item>
/// <item>a wall-clock timeout, an idle timeout (no output on either stream) and cancellation all stop the
/// command the same way: SIGTERM to the group and to every descendant that left it, then after
/// <see cref="CommandSpec.GracePeriod"/> SIGKILL to whatever is left of the tree;</item>
/// <item>processes the command leaves behind in its group when it exits are stopped the same way: no
/// command outlives its run;</item>
/// <item>both output streams are drained concurrently and kept within <see cref="CommandSpec.OutputLimit"/>
/// (head and tail).</item>
/// </list>
/// A non-zero exit is a result, not an exception. When the command was stopped, <see cref="CommandResult.ExitCode"/>
/// is what the child's end reports: 128 + the signal number when a signal ended it (143 for SIGTERM, 137 for
/// SIGKILL), or the child's own code when it caught SIGTERM and exited; <see cref="CommandResult.StopCause"/>
/// says why it was stopped. Output comes back as the child wrote it; pass it through <see cref="Redactor"/>
/// before persisting it anywhere secrets must not go.
/// A command with a <see cref="CommandSpec.Confinement"/> starts inside <see cref="Sandbox"/> (issue 14); its
/// result's command line is still the command as asked, not the sandbox's.
/// </summary>
public sealed partial class ProcessRunner
{
    private readonly string? _setsid;

    /// <summary>A runner for Nightshift's own commands: a confined command refuses to run (<see cref="Sandbox.None"/>).</summary>
    public ProcessRunner()
        : this(Sandbox.None)
    {
    }

    /// <summary>A runner that starts confined commands inside <paramref name="sandbox"/>.</summary>
    public ProcessRunner(Sandbox sandbox)
        : this(ExecutableLocator.Setsid, sandbox)
    {
    }

    /// <summary>With <paramref name="setsid"/> null the child shares Nightshift's group and only the tree walk finds its descendants.</summary>
    internal ProcessRunner(string? setsid, Sandbox? sandbox = null)
    {
        _setsid = setsid;
        Sandbox = sandbox ?? Sandbox.None;
    }

    /// <summary>What confines the commands that ask for it.</summary>
    public Sandbox Sandbox { get; }

    /// <summary>
    /// Runs the command to its end (or until it is stopped) and returns what it did. Throws
    /// <see cref="CommandStartException"/> when it cannot be started, and <see cref="OperationCanceledException"/>
    /// only when <paramref name="cancellationToken"/> is canceled before the start; a cancellation during the
    /// run stops the command and returns a result with <see cref="StopCause.Canceled"/>.
    /// </summary>
    public async Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken = default)
    {
        Validate(spec);
        cancellationToken.ThrowIfCancellationRequested();
        var commandLine = CommandLine.Render(spec);
        var stopwatch = Stopwatch.StartNew();
        using var process = Start(spec);
        var tree = new ProcessTree(process.Id, leadsGroup: _setsid is not null);
        var stopped = false;
        try
        {
            var run = new RunState(spec);
            using var io = new CancellationTokenSource();
            var pumps = Task.WhenAll(
                run.StandardOutput.ReadToEndAsync(process.StandardOutput, io.Token),
                run.StandardError.ReadToEndAsync(process.StandardError, io.Token),
                WriteInputAsync(process.StandardInput.BaseStream, spec.StandardInput, io.Token));
            var exited = process.WaitForExitAsync(CancellationToken.None);

            StopCause cause;
            using (cancellationToken.Register(() => run.Abort.TrySetResult(StopCause.Canceled)))
            {
                cause = await WaitForExitOrStopAsync(spec, stopwatch, exited, run.Activity, run.Abort.Task)
                    .ConfigureAwait(false);
            }

            if (cause != StopCause.Exited || tree.GroupIsAlive)
            {
                await tree.StopAsync(spec.GracePeriod, exited).ConfigureAwait(false);
                await WaitForDeathAsync(exited, process.Id, commandLine).ConfigureAwait(false);
            }

            stopped = true;
            var duration = stopwatch.Elapsed;
            await DrainAsync(pumps, io).ConfigureAwait(false);
            process.StandardOutput.Dispose();
            process.StandardError.Dispose();
            if (run.CallbackFailure is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            return new CommandResult(
                commandLine,
                process.ExitCode,
                run.StandardOutput.Text,
                run.StandardError.Text,
                duration,
                cause,
                run.StandardOutput.Truncated || run.StandardError.Truncated);
        }
        catch when (!stopped)
        {
            // A bug between start and stop must not leave the command running behind our back.
            tree.Kill();
            throw;
        }
    }
}
