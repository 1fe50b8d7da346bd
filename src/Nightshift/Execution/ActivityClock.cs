using System.Diagnostics;

namespace Nightshift.Execution;

/// <summary>When a command last wrote anything, on either stream; the idle timeout measures from here.</summary>
internal sealed class ActivityClock
{
    private long _last = Stopwatch.GetTimestamp();

    public TimeSpan Quiet => Stopwatch.GetElapsedTime(Volatile.Read(ref _last));

    public void Touch() => Volatile.Write(ref _last, Stopwatch.GetTimestamp());
}
