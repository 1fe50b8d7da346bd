using Nightshift.Clustering;
using Nightshift.Verification;

namespace Nightshift.Attempts;

/// <summary>The verdict on a hand-given patch, with what it was judged against.</summary>
public sealed record PatchVerification(string Head, ClusterKey Target, Verdict Verdict);
