namespace Nightshift.Configuration;

/// <summary>The crash-watch workload (<c>crash</c>): crash reports in, fixes that stop the crash out.</summary>
public sealed record CrashConfig
{
    /// <summary>Globs or paths where crash reports appear.</summary>
    public required IReadOnlyList<string> Watch { get; init; }

    /// <summary>A command that reproduces a crash; it must fail before a fix and pass after.</summary>
    public IReadOnlyList<string>? Repro { get; init; }

    public ServiceConfig? Service { get; init; }
}
