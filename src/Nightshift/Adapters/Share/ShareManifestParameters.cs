namespace Nightshift.Adapters.Share;

/// <summary>The parameter counts of <see cref="ShareParameters"/>, with the reduction.</summary>
public sealed record ShareManifestParameters(long Adapters, long Basis, long Coefficients, long Share, double Reduction);
