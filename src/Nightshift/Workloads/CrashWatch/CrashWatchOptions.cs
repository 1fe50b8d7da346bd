namespace Nightshift.Workloads.CrashWatch;

/// <summary>How long a crash-watch session runs and how it looks for crash reports.</summary>
public sealed record CrashWatchOptions
{
    /// <summary>Stop once this many crashes went through the pipeline (whatever the result); null: until canceled.</summary>
    public int? MaxCrashes { get; init; }

    /// <summary>Treat the reports already in the watched places as seen; by default those not yet taken are taken at start.</summary>
    public bool SkipExisting { get; init; }

    /// <summary>Look by listing only (every <c>crash.poll</c>), without change notifications: for file systems that send none.</summary>
    public bool PollOnly { get; init; }

    /// <summary>How many times one crash (signature) is attempted in a session before it is only recorded when it comes back.</summary>
    public int MaxAttemptsPerCrash { get; init; } = 3;
}
