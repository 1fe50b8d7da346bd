namespace Nightshift.Configuration;

/// <summary>What a trained model must achieve to be kept (<c>learn.gates</c>).</summary>
public sealed record GatesConfig
{
    /// <summary>
    /// The tolerance of the pass-rate gates (a fraction: 0.01 is one point): a candidate is kept when its pass rate
    /// is not below the baseline's, nor the previously promoted model's, by more than this (issue 8), which absorbs
    /// eval noise. 0 means not below at all. It is not a required improvement; the repeat-error rate has no tolerance.
    /// </summary>
    public decimal Margin { get; init; } = 0.01m;
}
