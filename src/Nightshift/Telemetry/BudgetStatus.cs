using System.Text.Json.Serialization;

namespace Nightshift.Telemetry;

/// <summary>How much of the session's time and money is spent and left.</summary>
/// <param name="Time">The session's wall-clock budget (<c>limits.hours</c>).</param>
/// <param name="TimeLeft">What remains of <paramref name="Time"/>, never negative.</param>
/// <param name="CostLimitUsd">The spending limit (<c>limits.max_cost_usd</c>); null when there is none.</param>
/// <param name="CostUsd">What the session's attempts cost so far, as journaled.</param>
/// <param name="CostLeftUsd">What remains of the limit, never negative; null without a limit.</param>
/// <param name="TokensIn">Prompt tokens of the session's attempts so far.</param>
/// <param name="TokensOut">Completion tokens of the session's attempts so far.</param>
public sealed record BudgetStatus(
    [property: JsonPropertyName("time_seconds")] TimeSpan Time,
    [property: JsonPropertyName("time_left_seconds")] TimeSpan TimeLeft,
    decimal? CostLimitUsd,
    decimal CostUsd,
    decimal? CostLeftUsd,
    long TokensIn,
    long TokensOut)
{
    public static BudgetStatus Unspent(TimeSpan time, decimal? costLimitUsd) =>
        new(time, time, costLimitUsd, 0m, costLimitUsd, 0, 0);

    /// <summary>The share of the time budget used, 0 to 1.</summary>
    [JsonIgnore]
    public double TimeUsed => Time <= TimeSpan.Zero ? 1 : Math.Clamp(1 - (TimeLeft / Time), 0, 1);

    /// <summary>The share of the cost limit used, 0 to 1; null without a limit.</summary>
    [JsonIgnore]
    public double? CostUsed => CostLimitUsd is { } limit
        ? limit <= 0 ? 1 : Math.Clamp((double)(CostUsd / limit), 0, 1)
        : null;

    /// <summary>This budget at <paramref name="elapsed"/> with <paramref name="costUsd"/> spent.</summary>
    public BudgetStatus At(TimeSpan elapsed, decimal costUsd, long tokensIn, long tokensOut) => this with
    {
        TimeLeft = elapsed >= Time ? TimeSpan.Zero : Time - elapsed,
        CostUsd = costUsd,
        CostLeftUsd = CostLimitUsd is { } limit ? Math.Max(0, limit - costUsd) : null,
        TokensIn = tokensIn,
        TokensOut = tokensOut,
    };
}
