namespace Nightshift.Agents.Resilience;

/// <summary>
/// How hard Nightshift tries before a provider call fails: the one retry policy and circuit breaker
/// every provider's HttpClient runs under (the SDKs' own retries are switched off).
/// </summary>
public sealed record ResilienceOptions
{
    /// <summary>Retries after the first attempt, for 408, 429, 5xx, timeouts and connection failures.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first backoff when the answer gives no Retry-After; it doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff Nightshift picks by itself.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait a Retry-After may ask for. A 429 that asks for more is a usage limit (below); any
    /// other status is retried after this long at most.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long Nightshift waits for a usage limit to reset (a 429 whose reset lies beyond
    /// <see cref="MaxRetryAfter"/>). A later reset fails the call with <see cref="Providers.ProviderFailure.UsageLimit"/>
    /// and the time, so the workload can pause until then.
    /// </summary>
    public TimeSpan MaxUsageLimitWait { get; init; } = TimeSpan.FromHours(6);

    /// <summary>How long one attempt may wait for the response headers.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The share of failed calls (5xx, 408, timeouts, connection failures) that opens the circuit.</summary>
    public double FailureRatio { get; init; } = 0.8;

    /// <summary>Calls within <see cref="SamplingDuration"/> before the ratio counts.</summary>
    public int MinimumThroughput { get; init; } = 5;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an open circuit refuses calls before it lets one trial call through.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="Providers.EndpointChatClient.ProbeAsync"/> waits for an answer.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The clock for Retry-After dates and reset times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
