using Nightshift.Testing;
namespace Nightshift.Configuration;

/// <summary>The test suite a fix must keep green (<c>tests</c>).</summary>
public sealed record TestsConfig
{
    public required ConfiguredCommand Command { get; init; }

    public TestFormat Format { get; init; } = TestFormat.ExitCode;

    /// <summary>
    /// Glob of the report files the command writes (required for trx and junit). Files matching it should be
    /// removed before each run so that an old report is never read as a new one.
    /// </summary>
    public string? Results { get; init; }

    /// <summary>How many times the baseline suite runs; a test whose outcome differs between those runs is quarantined (ignored by the verdict).</summary>
    public int Runs { get; init; } = 1;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
}
