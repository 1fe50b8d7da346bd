using System.Diagnostics;

namespace Nightshift.Execution;

public sealed partial class ProcessRunner
{
    /// <summary>SIGKILL cannot be caught; a process that outlives it this long is stuck in the kernel (state D).</summary>
    private static readonly TimeSpan _killTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Task.Delay takes at most ~49 days; the watch loop simply wakes up and looks again.</summary>
    private static readonly TimeSpan _maxWait = TimeSpan.FromDays(1);

    /// <summary>Returns why the run should end: the child exited, or a timeout, the idle limit or an abort came first.</summary>
    private static async Task<StopCause> WaitForExitOrStopAsync(
        CommandSpec spec, Stopwatch stopwatch, Task exited, ActivityClock activity, Task<StopCause> abort)
    {
        using var delays = new CancellationTokenSource();
        try
        {
            while (true)
            {
                var wait = _maxWait;
                if (spec.Timeout is { } limit)
                {
                    var left = limit - stopwatch.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        return StopCause.TimedOut;
                    }

                    wait = left < wait ? left : wait;
                }

                if (spec.IdleTimeout is { } idle)
                {
                    var left = idle - activity.Quiet;
                    if (left <= TimeSpan.Zero)
                    {
                        return StopCause.IdleTimedOut;
                    }

                    wait = left < wait ? left : wait;
                }

                var first = await Task.WhenAny(exited, abort, Task.Delay(wait, delays.Token)).ConfigureAwait(false);
                if (first == exited)
                {
                    return StopCause.Exited;
                }

                if (first == abort)
                {
                    return await abort.ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await delays.CancelAsync().ConfigureAwait(false);
        }
    }

    private static async Task WaitForDeathAsync(Task exited, int pid, string commandLine)
    {
        try
        {
            await exited.WaitAsync(_killTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new NightshiftException(
                $"'{commandLine}' (pid {pid}) was still running {_killTimeout.TotalSeconds:0} s after SIGKILL; "
                + "it is probably stuck in the kernel (look for state D in ps).",
                isFatal: false,
                e);
        }
    }
}
