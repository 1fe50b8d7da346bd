using Nightshift.Verification;

namespace Nightshift.Workloads.BurnDown;

/// <summary>How one attempt on a cluster ended, for the loop to count.</summary>
internal abstract record AttemptOutcome(string ClusterKey)
{
    /// <summary>Verified and committed on the session branch.</summary>
    public sealed record Landed(string ClusterKey, string Ticket, string Sha) : AttemptOutcome(ClusterKey);

    /// <summary>The verifier said no; counts toward setting the cluster aside.</summary>
    public sealed record Rejected(string ClusterKey, Verdict Verdict) : AttemptOutcome(ClusterKey);

    /// <summary>Neither landed nor rejected: interrupted, the branch moved under it, the harness failed for this attempt.</summary>
    public sealed record Abandoned(string ClusterKey, string Reason) : AttemptOutcome(ClusterKey);
}
