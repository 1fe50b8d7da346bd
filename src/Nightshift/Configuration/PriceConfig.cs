namespace Nightshift.Configuration;

/// <summary>What the model costs in US dollars per million tokens (<c>agent.price</c>), for cost budgets.</summary>
public sealed record PriceConfig(decimal InputPerMtok, decimal OutputPerMtok)
{
    public decimal CostUsd(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMtok) + (outputTokens * OutputPerMtok)) / 1_000_000m;
}
