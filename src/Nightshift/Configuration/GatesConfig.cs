namespace Nightshift.Configuration;

/// <summary>What a trained model must achieve to be kept (<c>learn.gates</c>).</summary>
public sealed record GatesConfig
{
    /// <summary>How much better than the current model the candidate must score (a fraction: 0.01 is one point).</summary>
    public decimal Margin { get; init; } = 0.01m;
}
