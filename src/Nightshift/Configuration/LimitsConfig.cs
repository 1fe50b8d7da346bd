namespace Nightshift.Configuration;

/// <summary>When a session stops and how hard it tries (<c>limits</c>).</summary>
public sealed record LimitsConfig
{
    /// <summary>Wall-clock budget of a session (<c>limits.hours</c>, a duration such as <c>8h</c> or <c>90m</c>).</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Spending limit for the whole session; null means none.</summary>
    public decimal? MaxCostUsd { get; init; }

    /// <summary>Clusters with fewer diagnostics than this are left alone.</summary>
    public int MinClusterSize { get; init; } = 1;

    public int AttemptsPerCluster { get; init; } = 2;

    /// <summary>After this many rejected attempts in a row the session stops: something is wrong beyond one cluster.</summary>
    public int MaxConsecutiveRejections { get; init; } = 10;

    public int Workers { get; init; } = 1;

    /// <summary>Stop (rather than work on) a repository whose tests already fail before any change.</summary>
    public bool StopIfTestsBroken { get; init; } = true;

    /// <summary>
    /// Below this much free space on the repository's disk (<c>limits.min_free_disk</c>) no new work starts, in every
    /// workload: a full disk fails every build after it, and other work on the machine with it.
    /// </summary>
    public long MinFreeDiskBytes { get; init; } = 2L << 30;
}
