namespace Nightshift.Adapters.Share;

/// <summary>Parameter counts: every family's adapter against the shared basis plus every family's coefficients.</summary>
public sealed record ShareParameters(long Adapters, long Basis, long Coefficients)
{
    public long Share => Basis + Coefficients;

    /// <summary>How many times fewer parameters the Share holds than the adapters.</summary>
    public double Reduction => Share == 0 ? 0 : (double)Adapters / Share;
}
