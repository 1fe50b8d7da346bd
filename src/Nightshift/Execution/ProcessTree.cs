namespace Nightshift.Execution;

/// <summary>
/// The processes of one command: the child, the process group it leads (when started through setsid)
/// and every descendant found by walking /proc, including those that moved to another group or session.
/// A process is remembered with its start time, so a PID the kernel has since handed to an unrelated
/// process is never signalled.
/// </summary>
internal sealed class ProcessTree(int rootPid, bool leadsGroup)
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(20);

    // The first look comes sooner: what is usually left is a sandbox's init in the middle of exiting (issue 17).
    private static readonly TimeSpan _firstPoll = TimeSpan.FromMilliseconds(1);

    /// <summary>Bounds the freeze loop; a tree that still forks after this many SIGSTOP rounds is killed as found.</summary>
    private const int MaxFreezeRounds = 10;

    private readonly Dictionary<int, ProcStat> _known = [];

    /// <summary>
    /// True while a live process is left in the child's group, even after the child itself exited. Zombies
    /// do not count: where PID 1 does not reap (a container without an init) they never go away, and waiting
    /// for them would add a grace period to every command.
    /// </summary>
    public bool GroupIsAlive =>
        leadsGroup
        && Libc.GroupExists(rootPid)
        && (!ProcStat.IsAvailable || ProcStat.ReadAll().Any(process => process.GroupId == rootPid && process.IsAlive));

    /// <summary>
    /// SIGTERM to the group and to every descendant outside it, then, once <paramref name="grace"/> has
    /// passed with anything still alive, SIGKILL to all of it. The tree is walked before the first signal:
    /// once a parent dies its children are re-parented to init and can no longer be found from the root.
    /// </summary>
    public async Task StopAsync(TimeSpan grace, Task exited)
    {
        Discover();
        Send(Libc.SigTerm);
        if (!await WaitUntilGoneAsync(grace, exited).ConfigureAwait(false))
        {
            Kill();
        }
    }

    /// <summary>
    /// SIGKILL to the whole tree at once. The tree is first frozen with SIGSTOP, walked again, and frozen
    /// again until no new process appears, so nothing forks away between the walk and the kill.
    /// </summary>
    public void Kill()
    {
        Discover();
        for (var round = 0; round < MaxFreezeRounds; round++)
        {
            Send(Libc.SigStop);
            if (Discover() == 0)
            {
                break;
            }
        }

        Send(Libc.SigKill);
    }

    private async Task<bool> WaitUntilGoneAsync(TimeSpan grace, Task exited)
    {
        var deadline = DateTime.UtcNow + grace;
        var poll = _firstPoll;
        while (true)
        {
            if (exited.IsCompleted && !GroupIsAlive && !_known.Keys.Any(IsStillAlive))
            {
                return true;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.Delay(left < poll ? left : poll).ConfigureAwait(false);
            poll = poll * 2 < _pollInterval ? poll * 2 : _pollInterval;
        }
    }

    /// <summary>Sends to the group once, and one by one to known processes outside it (a second signal can mean "hurry").</summary>
    private void Send(int signal)
    {
        if (leadsGroup)
        {
            Libc.SignalGroup(rootPid, signal);
        }

        foreach (var pid in _known.Keys)
        {
            if (Current(pid) is { IsAlive: true } process && !(leadsGroup && process.GroupId == rootPid))
            {
                Libc.Signal(pid, signal);
            }
        }
    }

    /// <summary>Adds the root, the group and all their live descendants to the known set; returns how many were new.</summary>
    private int Discover()
    {
        var all = ProcStat.ReadAll();
        var children = all.ToLookup(process => process.ParentPid);
        var pending = new Queue<ProcStat>(all.Where(process =>
            process.Pid == rootPid
            || (leadsGroup && process.GroupId == rootPid)
            || (_known.TryGetValue(process.Pid, out var known) && known.StartTime == process.StartTime)));
        var added = 0;
        while (pending.TryDequeue(out var process))
        {
            if (!_known.TryGetValue(process.Pid, out var known) || known.StartTime != process.StartTime)
            {
                _known[process.Pid] = process;
                added++;
            }

            foreach (var child in children[process.Pid])
            {
                if (!_known.TryGetValue(child.Pid, out var seen) || seen.StartTime != child.StartTime)
                {
                    pending.Enqueue(child);
                }
            }
        }

        return added;
    }

    private bool IsStillAlive(int pid) => Current(pid) is { IsAlive: true };

    /// <summary>The process now behind a known PID, or null when that PID is gone or belongs to someone else.</summary>
    private ProcStat? Current(int pid) =>
        ProcStat.TryRead(pid) is { } now && now.StartTime == _known[pid].StartTime ? now : null;
}
