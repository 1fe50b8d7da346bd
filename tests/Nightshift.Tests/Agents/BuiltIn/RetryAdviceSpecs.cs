using System.Net;
using Nightshift.Agents.Resilience;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>When an error answer says to come back, in the ways providers say it.</summary>
public sealed class RetryAdviceSpecs
{
    private static readonly DateTimeOffset _now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory(Timeout = 10_000)]
    [InlineData("Retry-After", "7", "", 7)]
    [InlineData("Retry-After", "Tue, 01 Jan 2030 00:01:00 GMT", "", 60)]
    [InlineData("retry-after-ms", "1500", "", 1.5)]
    [InlineData("anthropic-ratelimit-unified-reset", "1893456300", "", 300)]
    [InlineData("", "", """{"error":{"message":"Claude AI usage limit reached|1893459600"}}""", 3600)]
    [InlineData("", "", """{"error":{"type":"usage_limit_reached","resets_at":"2030-01-01T02:00:00Z"}}""", 7200)]
    public async Task A_reset_is_read_from_headers_or_body(string header, string value, string body, double seconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (header.Length > 0)
        {
            response.Headers.TryAddWithoutValidation(header, value);
        }

        var retryAt = RetryAdvice.RetryAt(response.Headers, body, _now);

        retryAt.Should().Be(_now.AddSeconds(seconds));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Only_exhausted_rate_limit_buckets_count_and_all_of_them_must_refill()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("x-ratelimit-remaining-requests", "0");
        response.Headers.TryAddWithoutValidation("x-ratelimit-reset-requests", "1m30s");
        response.Headers.TryAddWithoutValidation("x-ratelimit-remaining-tokens", "0");
        response.Headers.TryAddWithoutValidation("x-ratelimit-reset-tokens", "6m0s");
        response.Headers.TryAddWithoutValidation("anthropic-ratelimit-requests-remaining", "12");
        response.Headers.TryAddWithoutValidation("anthropic-ratelimit-requests-reset", "2030-01-01T05:00:00Z");

        var retryAt = RetryAdvice.RetryAt(response.Headers, "", _now);

        retryAt.Should().Be(_now.AddMinutes(6));
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData("20ms", 0.02)]
    [InlineData("1s", 1)]
    [InlineData("6m0s", 360)]
    [InlineData("1h2m3.5s", 3723.5)]
    public async Task Durations_are_read_as_OpenAI_writes_them(string text, double seconds)
    {
        RetryAdvice.ParseDuration(text).Should().Be(TimeSpan.FromSeconds(seconds));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_answer_without_advice_has_no_retry_time()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        RetryAdvice.RetryAt(response.Headers, "<html>Bad gateway</html>", _now).Should().BeNull();
        RetryAdvice.ParseDuration("soon").Should().BeNull();
        await Task.CompletedTask;
    }
}
