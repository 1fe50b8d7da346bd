namespace Nightshift.Configuration;

/// <summary>The crash-watch workload (<c>crash</c>): crash reports in, fixes that stop the crash out.</summary>
public sealed record CrashConfig
{
    /// <summary>Globs or paths where crash reports appear (none when only <see cref="Cores"/> are watched).</summary>
    public required IReadOnlyList<string> Watch { get; init; }

    /// <summary>Where new core files of <see cref="Executable"/> appear; each is read by gdb into a crash report (issue 18).</summary>
    public CoreSource? Cores { get; init; }

    /// <summary>
    /// The service's program, whose cores count and which gdb reads them with: relative to the folder the service runs from
    /// (the repository, or the release a fix was deployed as), or absolute. Required with <see cref="Cores"/>.
    /// </summary>
    public string? Executable { get; init; }

    /// <summary>
    /// A command that reproduces a crash; it must fail before a fix and pass after. <c>{crash}</c> in an argument
    /// becomes the path of the crash report.
    /// </summary>
    public IReadOnlyList<string>? Repro { get; init; }

    /// <summary>How long the repro command may run before it counts as still crashing (a hang is no fix).</summary>
    public TimeSpan ReproTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often the watched places are listed, besides the file system's change notifications: the fallback for
    /// file systems that send none (NFS, some container mounts) and for notifications lost in a burst.
    /// </summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a crash report's size must hold still before it counts as completely written.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Build outputs (paths relative to the repository, e.g. <c>target</c>) copied from the running build into each new
    /// release before it is built, file times kept, so that the release's build need not start from scratch.
    /// </summary>
    public IReadOnlyList<string> Reuse { get; init; } = [];

    public ServiceConfig? Service { get; init; }
}
