namespace Nightshift.Agents.Resilience;

/// <summary>
/// Something a person or the workload should know about a provider endpoint, reported through the
/// observer callback as it happens. The observer runs on the request's path: it must be quick and
/// must not throw.
/// </summary>
/// <param name="Provider">openai or anthropic.</param>
/// <param name="Endpoint">The configured base URL.</param>
/// <param name="At">When it happened.</param>
public abstract record ProviderEvent(string Provider, Uri Endpoint, DateTimeOffset At);

/// <summary>
/// A call failed transiently and is tried again after <c>Delay</c>. <c>Attempt</c> is the attempt that
/// failed (1 is the first call); <c>Reason</c> the status or the error, for the log.
/// </summary>
public sealed record RetryScheduled(string Provider, Uri Endpoint, DateTimeOffset At, int Attempt, TimeSpan Delay, string Reason)
    : ProviderEvent(Provider, Endpoint, At);

/// <summary>The provider's usage limit is reached; the call waits until it resets.</summary>
public sealed record UsageLimitReached(string Provider, Uri Endpoint, DateTimeOffset At, DateTimeOffset ResetAt)
    : ProviderEvent(Provider, Endpoint, At);

/// <summary>
/// The circuit opened: the endpoint failed repeatedly and calls are refused for <c>BreakDuration</c>.
/// The workload should raise an alert and wait on <see cref="EndpointGate.WaitUntilUpAsync"/>, which probes
/// the endpoint until it answers, before its next attempt.
/// </summary>
public sealed record EndpointDown(string Provider, Uri Endpoint, DateTimeOffset At, TimeSpan BreakDuration, string Reason)
    : ProviderEvent(Provider, Endpoint, At);

/// <summary>The circuit closed again: a trial call or a probe got an answer.</summary>
public sealed record EndpointRecovered(string Provider, Uri Endpoint, DateTimeOffset At)
    : ProviderEvent(Provider, Endpoint, At);

/// <summary>
/// A down endpoint was probed (<see cref="EndpointGate.WaitUntilUpAsync"/>); <c>Probe</c> says whether it answered.
/// </summary>
public sealed record EndpointProbed(string Provider, Uri Endpoint, DateTimeOffset At, Providers.EndpointProbe Probe)
    : ProviderEvent(Provider, Endpoint, At);
