using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Nightshift.Agents.Resilience;

/// <summary>
/// Reads when an error answer says to come back. In order: <c>retry-after-ms</c> and <c>Retry-After</c>
/// (seconds or an HTTP date); the reset time of an exhausted rate-limit bucket (Anthropic's RFC 3339
/// <c>anthropic-ratelimit-*-reset</c>, OpenAI's <c>x-ratelimit-reset-*</c> durations such as <c>6m0s</c>,
/// Anthropic's unified <c>anthropic-ratelimit-unified-reset</c> epoch); and a reset time written in the
/// body of a usage-limit answer (<c>"resets_at": "2030-01-01T04:00:00Z"</c>, <c>usage limit reached|1893470400</c>).
/// </summary>
internal static partial class RetryAdvice
{
    private static readonly string[] _anthropicBuckets = ["requests", "tokens", "input-tokens", "output-tokens"];
    private static readonly string[] _openAIBuckets = ["requests", "tokens"];

    public static DateTimeOffset? RetryAt(HttpResponseHeaders headers, string body, DateTimeOffset now) =>
        RetryAfter(headers, now) ?? ExhaustedBucketReset(headers, now) ?? BodyReset(body);

    private static DateTimeOffset? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (Header(headers, "retry-after-ms") is { } ms
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0)
        {
            return now.AddMilliseconds(milliseconds);
        }

        return headers.RetryAfter switch
        {
            { Delta: { } delta } => now + delta,
            { Date: { } date } => date,
            _ => null,
        };
    }

    /// <summary>The latest reset among the buckets that are empty: all of them must refill before a call can pass.</summary>
    private static DateTimeOffset? ExhaustedBucketReset(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var resets = new List<DateTimeOffset>();
        foreach (var bucket in _anthropicBuckets)
        {
            if (Header(headers, $"anthropic-ratelimit-{bucket}-remaining") == "0"
                && DateTimeOffset.TryParse(Header(headers, $"anthropic-ratelimit-{bucket}-reset"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset))
            {
                resets.Add(reset);
            }
        }

        foreach (var bucket in _openAIBuckets)
        {
            if (Header(headers, $"x-ratelimit-remaining-{bucket}") == "0"
                && ParseDuration(Header(headers, $"x-ratelimit-reset-{bucket}")) is { } wait)
            {
                resets.Add(now + wait);
            }
        }

        if (Header(headers, "anthropic-ratelimit-unified-reset") is { } unified
            && long.TryParse(unified, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            resets.Add(DateTimeOffset.FromUnixTimeSeconds(epoch));
        }

        return resets.Count == 0 ? null : resets.Max();
    }

    private static DateTimeOffset? BodyReset(string body)
    {
        var match = BodyResetPattern().Match(body);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["epoch"].Success)
        {
            return DateTimeOffset.FromUnixTimeSeconds(long.Parse(match.Groups["epoch"].Value, CultureInfo.InvariantCulture));
        }

        return DateTimeOffset.TryParse(match.Groups["date"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
    }

    /// <summary>Go-style durations as OpenAI writes them: 20ms, 1s, 6m0s, 1h2m3.5s.</summary>
    internal static TimeSpan? ParseDuration(string? text)
    {
        var match = text is null ? Match.Empty : DurationPattern().Match(text);
        if (!match.Success || match.Length == 0)
        {
            return null;
        }

        double Part(string name) => match.Groups[name].Success
            ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture)
            : 0;

        return TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m"))
            + TimeSpan.FromSeconds(Part("s")) + TimeSpan.FromMilliseconds(Part("ms"));
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+(?:\.\d+)?)ms)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(
        @"limit[^|""]{0,80}\|(?<epoch>\d{10})\b|resets?(?:[ _]?at)?""?\s*[:=]?\s*""?(?:(?<epoch>\d{10})\b|(?<date>\d{4}-\d{2}-\d{2}[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?))",
        RegexOptions.IgnoreCase)]
    private static partial Regex BodyResetPattern();
}
