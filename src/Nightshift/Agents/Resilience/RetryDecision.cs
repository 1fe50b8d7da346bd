using System.Globalization;
using System.Net;
using Polly;
using Polly.Timeout;

namespace Nightshift.Agents.Resilience;

/// <summary>
/// Whether and when a failed call is tried again; null means it is not. A 429 whose reset lies beyond
/// <see cref="ResilienceOptions.MaxRetryAfter"/> is a usage limit: waited for up to
/// <see cref="ResilienceOptions.MaxUsageLimitWait"/>, and not retried when it resets later than that.
/// </summary>
/// <param name="Delay">How long to wait before the next attempt.</param>
/// <param name="Reason">What failed, for the observer and the log.</param>
/// <param name="UsageLimitResetAt">Set when the wait is for a usage limit to reset.</param>
internal sealed record RetryDecision(TimeSpan Delay, string Reason, DateTimeOffset? UsageLimitResetAt = null)
{
    public static async ValueTask<RetryDecision?> DecideAsync(
        Outcome<HttpResponseMessage> outcome, int attempt, ResilienceOptions options)
    {
        switch (outcome)
        {
            case { Exception: HttpRequestException exception }:
                return Backoff(attempt, options, exception.Message);
            case { Exception: TimeoutRejectedException }:
                return Backoff(attempt, options, $"no response within {options.AttemptTimeout}");
            case { Exception: not null } or { Result: null }:
                return null;
        }

        var response = outcome.Result;
        var status = (int)response.StatusCode;
        var reason = Describe(response);
        if (status != (int)HttpStatusCode.TooManyRequests && !IsOutage(status))
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        // OpenAI's "insufficient_quota" is a billing state, not a rate: no wait cures it.
        if (body.Contains("insufficient_quota", StringComparison.Ordinal))
        {
            return null;
        }

        var now = options.TimeProvider.GetUtcNow();
        if (RetryAdvice.RetryAt(response.Headers, body, now) is not { } retryAt)
        {
            return Backoff(attempt, options, reason);
        }

        var wait = retryAt > now ? retryAt - now : TimeSpan.Zero;
        if (wait <= options.MaxRetryAfter)
        {
            return new RetryDecision(wait, reason);
        }

        if (status != (int)HttpStatusCode.TooManyRequests)
        {
            return new RetryDecision(options.MaxRetryAfter, reason);
        }

        return wait <= options.MaxUsageLimitWait ? new RetryDecision(wait, reason, retryAt) : null;
    }

    /// <summary>Statuses that say the endpoint is in trouble (as opposed to the request or the account).</summary>
    public static bool IsOutage(int status) =>
        status == (int)HttpStatusCode.RequestTimeout
        || (status >= 500 && status != (int)HttpStatusCode.NotImplemented && status != (int)HttpStatusCode.HttpVersionNotSupported);

    public static string Describe(HttpResponseMessage response) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase}").TrimEnd();

    private static RetryDecision Backoff(int attempt, ResilienceOptions options, string reason)
    {
        // Full doubling with ±20 % jitter, so many workers that failed together do not retry together.
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
        var delay = TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxBackoff.TotalMilliseconds));
        return new RetryDecision(delay, reason);
    }
}
