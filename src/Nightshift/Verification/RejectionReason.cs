using System.Text.Json.Serialization;
using Nightshift.Clustering;

namespace Nightshift.Verification;

/// <summary>
/// One reason the verifier rejected an attempt, with its figures. <see cref="Message"/> says it in one
/// sentence for a person; the journal stores the figures and the sentence.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NoChange), "no_change")]
[JsonDerivedType(typeof(TargetNotReduced), "target_not_reduced")]
[JsonDerivedType(typeof(ClusterGrew), "cluster_grew")]
[JsonDerivedType(typeof(NewCluster), "new_cluster")]
[JsonDerivedType(typeof(ItemVanished), "item_vanished")]
[JsonDerivedType(typeof(ProbeFailedSilently), "probe_failed_silently")]
[JsonDerivedType(typeof(TestBroke), "test_broke")]
[JsonDerivedType(typeof(TestsDidNotRun), "tests_did_not_run")]
[JsonDerivedType(typeof(ProtectedPathChanged), "protected_path_changed")]
[JsonDerivedType(typeof(SuppressionAdded), "suppression_added")]
[JsonDerivedType(typeof(DiffTooLarge), "diff_too_large")]
[JsonDerivedType(typeof(BinaryContent), "binary_content")]
[JsonDerivedType(typeof(SymlinkOutside), "symlink_outside")]
public abstract partial record RejectionReason
{
    private RejectionReason()
    {
    }

    /// <summary>The reason as one sentence: "E0308 went 12 -> 12: the target did not shrink".</summary>
    public abstract string Message { get; }

    /// <summary>The attempt's diff is empty: it changed nothing.</summary>
    /// <param name="Why">What the agent said or what went wrong, when known.</param>
    public sealed record NoChange(string? Why = null) : RejectionReason
    {
        public override string Message => Why is null ? "the attempt changed nothing" : $"the attempt changed nothing ({Why})";
    }

    /// <summary>The target cluster has as many diagnostics as before, or more.</summary>
    public sealed record TargetNotReduced(ClusterKey Target, int Before, int After) : RejectionReason
    {
        public override string Message => $"{ClusterNames.Short(Target)} went {Before} -> {After}: the target did not shrink";
    }

    /// <summary>A cluster other than the target grew by more than the policy's tolerance.</summary>
    public sealed record ClusterGrew(ClusterKey Cluster, int Before, int After) : RejectionReason
    {
        public override string Message =>
            $"{ClusterNames.Short(Cluster)} went {Before} -> {After}: a cluster other than the target grew";
    }

    /// <summary>A cluster absent before appeared with more diagnostics than the policy's tolerance.</summary>
    public sealed record NewCluster(ClusterKey Cluster, int Count) : RejectionReason
    {
        public override string Message =>
            $"{ClusterNames.Short(Cluster)} appeared with {Count} diagnostic{(Count == 1 ? "" : "s")}: a new cluster";
    }

    /// <summary>A probed item is gone after the attempt: its diagnostics vanished with it, unfixed.</summary>
    public sealed record ItemVanished(string Item) : RejectionReason
    {
        public override string Message => $"{Item} was probed before but not after: removing an item does not fix it";
    }

    /// <summary>
    /// A probed item now fails without reporting an error: the build could not be measured (a broken
    /// manifest, a crash, a timeout), so fewer diagnostics mean nothing.
    /// </summary>
    public sealed record ProbeFailedSilently(string Item, int ExitCode) : RejectionReason
    {
        public override string Message =>
            $"the probe of {Item} exited {ExitCode} without reporting an error: the attempt left it unmeasurable";
    }
}
