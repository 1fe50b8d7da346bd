namespace Nightshift.Workloads.CrashWatch.Watching;

/// <summary>How the watcher looks: <c>crash.poll</c>, <c>crash.settle</c>, and whether to use change notifications at all.</summary>
public sealed record WatchOptions(TimeSpan Poll, TimeSpan Settle, bool UseFileEvents = true)
{
    /// <summary>More of one file than this is not read: no crash report is that long, and the parsers look at its start.</summary>
    public int MaxBytes { get; init; } = 8 * 1024 * 1024;
}
