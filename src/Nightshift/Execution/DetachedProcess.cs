using System.Diagnostics;

namespace Nightshift.Execution;

/// <summary>
/// A long-running process started by <see cref="ProcessRunner.StartDetached"/> (or found again by its PID and start time):
/// it leads its own process group, and stopping it means SIGTERM to that group, then SIGKILL to the whole tree after a grace
/// period. The start time tells it apart from a later process that reuses the PID, so a stale record never signals a stranger.
/// </summary>
public sealed class DetachedProcess : IDisposable
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan _killTimeout = TimeSpan.FromSeconds(10);

    private readonly Process? _process;
    private readonly bool _leadsGroup;

    private DetachedProcess(int pid, ulong startTime, bool leadsGroup, Process? process, string commandLine)
    {
        Pid = pid;
        StartTime = startTime;
        _leadsGroup = leadsGroup;
        _process = process;
        CommandLine = commandLine;
    }

    public int Pid { get; }

    /// <summary>The kernel's start time of the process (clock ticks since boot); 0 when it was gone before it could be read.</summary>
    public ulong StartTime { get; }

    /// <summary>What was started, for messages; empty for a process found by its PID.</summary>
    public string CommandLine { get; }

    /// <summary>True while the process, or anything left in its process group, is alive (zombies do not count).</summary>
    public bool IsRunning => IsSelfAlive || GroupIsAlive;

    /// <summary>The exit code, once a process this runner started has exited; null otherwise (or for a found process).</summary>
    public int? ExitCode => _process is { HasExited: true } process ? process.ExitCode : null;

    private bool IsSelfAlive => ProcStat.IsAvailable
        ? ProcStat.TryRead(Pid) is { IsAlive: true } now && now.StartTime == StartTime
        : _process is { HasExited: false };

    private bool GroupIsAlive =>
        _leadsGroup && Libc.GroupExists(Pid) && ProcStat.ReadAll().Any(process => process.GroupId == Pid && process.IsAlive);

    /// <summary>The process with <paramref name="pid"/> if it is still the one that started at <paramref name="startTime"/>, else null.</summary>
    public static DetachedProcess? Find(int pid, ulong startTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pid);
        return ProcStat.TryRead(pid) is { IsAlive: true } stat && stat.StartTime == startTime
            ? new DetachedProcess(pid, startTime, leadsGroup: stat.GroupId == pid, process: null, "")
            : null;
    }

    internal static DetachedProcess Started(Process process, bool leadsGroup, string commandLine) =>
        new(process.Id, ProcStat.TryRead(process.Id)?.StartTime ?? 0, leadsGroup, process, commandLine);

    /// <summary>Waits up to <paramref name="timeout"/> for the process and its group to end; true when they did.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (IsRunning)
        {
            if (deadline.Elapsed >= timeout)
            {
                return false;
            }

            await Task.Delay(_pollInterval, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Stops the process: SIGTERM to its group (unless <paramref name="alreadyAsked"/>, when a stop command has asked it to end
    /// already), up to <paramref name="grace"/> to exit, then SIGKILL to the whole tree. Returns true when it had to be killed.
    /// </summary>
    /// <exception cref="NightshiftException">It survived SIGKILL (stuck in the kernel).</exception>
    public async Task<bool> StopAsync(TimeSpan grace, bool alreadyAsked, CancellationToken cancellationToken)
    {
        if (!alreadyAsked && IsRunning)
        {
            if (_leadsGroup)
            {
                Libc.SignalGroup(Pid, Libc.SigTerm);
            }

            if (IsSelfAlive)
            {
                Libc.Signal(Pid, Libc.SigTerm);
            }
        }

        if (await WaitForExitAsync(grace, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        new ProcessTree(Pid, _leadsGroup).Kill();
        if (!await WaitForExitAsync(_killTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new NightshiftException(
                $"pid {Pid} ({CommandLine}) was still running {_killTimeout.TotalSeconds:0} s after SIGKILL; it is probably stuck "
                + "in the kernel (look for state D in ps).");
        }

        return true;
    }

    /// <summary>How long it has run and its resident memory; null once it is gone (or where there is no /proc).</summary>
    public ProcessUsage? Usage() => ProcessUsage.Read(Pid, StartTime);

    public void Dispose() => _process?.Dispose();
}
