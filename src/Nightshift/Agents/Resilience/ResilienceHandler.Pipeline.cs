using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Nightshift.Agents.Resilience;

internal sealed partial class ResilienceHandler
{
    /// <summary>
    /// Retry outside the circuit breaker, so every attempt counts towards it and an open circuit ends the
    /// retries at once; the attempt timeout innermost, so it bounds one attempt and not the waits.
    /// </summary>
    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _options.TimeProvider };
        if (_options.MaxRetries > 0)
        {
            // agent.retries: 0 is no retry at all; Polly's retry strategy needs at least one.
            builder.AddRetry(RetryOptions());
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = _options.FailureRatio,
                MinimumThroughput = _options.MinimumThroughput,
                SamplingDuration = _options.SamplingDuration,
                BreakDuration = _options.BreakDuration,
                ManualControl = _circuit,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
                OnOpened = args =>
                {
                    // A failed trial call re-opens the circuit; the endpoint was already reported down.
                    if (Interlocked.Exchange(ref _isDown, 1) == 0)
                    {
                        var reason = args.Outcome.Exception?.Message
                            ?? (args.Outcome.Result is { } response ? RetryDecision.Describe(response) : "failed");
                        Publish(new EndpointDown(_provider, _endpoint, Now, args.BreakDuration, reason));
                    }

                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    if (Interlocked.Exchange(ref _isDown, 0) == 1)
                    {
                        Publish(new EndpointRecovered(_provider, _endpoint, Now));
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();
    }

    private RetryStrategyOptions<HttpResponseMessage> RetryOptions() => new()
    {
        MaxRetryAttempts = _options.MaxRetries,
        ShouldHandle = async args =>
        {
            var decision = await RetryDecision.DecideAsync(args.Outcome, args.AttemptNumber, _options).ConfigureAwait(false);
            args.Context.Properties.Set(_decisionKey, decision);
            return decision is not null;
        },
        DelayGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(_decisionKey, null)?.Delay),
        OnRetry = args =>
        {
            if (args.Context.Properties.GetValue(_decisionKey, null) is { } decision)
            {
                Publish(decision.UsageLimitResetAt is { } resetAt
                    ? new UsageLimitReached(_provider, _endpoint, Now, resetAt)
                    : new RetryScheduled(_provider, _endpoint, Now, args.AttemptNumber + 1, args.RetryDelay, decision.Reason));
            }

            return ValueTask.CompletedTask;
        },
    };

    /// <summary>A dead or overloaded endpoint, as opposed to a refused request or a rate limit.</summary>
    private static bool IsOutage(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode != HttpStatusCode.TooManyRequests
            && RetryDecision.IsOutage((int)response.StatusCode),
        _ => false,
    };
}
