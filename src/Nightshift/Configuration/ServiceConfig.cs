namespace Nightshift.Configuration;

/// <summary>The service a crash fix is deployed to and checked against (<c>crash.service</c>).</summary>
public sealed record ServiceConfig
{
    public ConfiguredCommand? Stop { get; init; }

    public required ConfiguredCommand Start { get; init; }

    public HealthCheck? Health { get; init; }

    /// <summary>How long the service may take to become healthy after a start.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time between the graceful stop and the kill.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(10);
}
