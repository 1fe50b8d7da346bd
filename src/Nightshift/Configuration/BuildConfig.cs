namespace Nightshift.Configuration;

/// <summary>The command that builds the project (<c>build</c>), when building is more than the probe does.</summary>
public sealed record BuildConfig
{
    public required ConfiguredCommand Command { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
}
