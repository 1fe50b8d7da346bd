namespace Nightshift.Adapters.Share;

/// <summary>One module's basis sizes (k_B, k_A) and the share of variance each keeps.</summary>
public sealed record ShareManifestModule(string Name, int Out, int In, int BasisB, int BasisA, double ExplainedB, double ExplainedA);
