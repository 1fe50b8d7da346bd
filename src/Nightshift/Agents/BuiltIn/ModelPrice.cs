namespace Nightshift.Agents.BuiltIn;

/// <summary>What a model costs, in US dollars per million tokens, as configured (<c>agent.price</c>).</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    public decimal CostOf(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
}
