using Nightshift.Files;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>How a bench runs: where it writes, how much at once, and its guards.</summary>
public sealed record BenchRunOptions
{
    /// <summary>The repository's <c>.nightshift/</c> layout: the journal, the lock and the bench store.</summary>
    public required NightshiftPaths Paths { get; init; }

    /// <summary>The bench store's directory, <c>.nightshift/bench</c>.</summary>
    public string StoreDirectory => Paths.Bench;

    /// <summary>The bench to resume (its finished runs are kept); null starts a new one.</summary>
    public string? ResumeId { get; init; }

    /// <summary>Runs at once.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Overrides the repeat of the suite and of every phase.</summary>
    public int? Repeat { get; init; }

    /// <summary>Agent names (of the suite, or built-in/provider names) to run instead of the suite's list.</summary>
    public IReadOnlyList<string> AgentFilter { get; init; } = [];

    /// <summary>No run starts while a disk the bench writes to has less free space than this (<c>limits.min_free_disk</c>).</summary>
    public long MinFreeDiskBytes { get; init; } = new Configuration.LimitsConfig().MinFreeDiskBytes;

    public int? MaxStartsPerMinute { get; init; }

    /// <summary>Retries of a run that ended in an infrastructure error, before it is excluded.</summary>
    public int MaxInfraRetries { get; init; } = 2;

    public TimeSpan InfraRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an agent may take to stop once its timeout cancelled it, before the run is given up on.</summary>
    public TimeSpan AgentStopGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where run workspaces are made; null for the system's temp directory.</summary>
    public string? WorkspaceDirectory { get; init; }
}
