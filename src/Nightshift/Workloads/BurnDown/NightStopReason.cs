using Nightshift.Sessions;

namespace Nightshift.Workloads.BurnDown;

/// <summary>
/// Why a night ended, recorded as the session's stop reason (<see cref="Name"/>) and shown in the morning report.
/// Every variant but <see cref="Failed"/> is a normal end: the process exits 0.
/// </summary>
public abstract record NightStopReason
{
    private NightStopReason()
    {
    }

    /// <summary>The journal's word for it: <c>time_budget</c>, <c>clusters_exhausted</c>, <c>interrupted</c>...</summary>
    public abstract string Name { get; }

    /// <summary>One sentence for a person.</summary>
    public abstract string Description { get; }

    /// <summary>True when the night could not go on because something broke (not a budget, not the work running out).</summary>
    public bool IsFailure => this is Failed;

    public override string ToString() => Name;

    /// <summary>
    /// A limit every workload's session keeps no longer holds (<see cref="SessionLimits"/>): <c>limits.hours</c> ran out,
    /// <c>limits.max_cost_usd</c> was reached, or the disk has less free space than <c>limits.min_free_disk</c>.
    /// </summary>
    public sealed record Limit(LimitReached Reached) : NightStopReason
    {
        public override string Name => Reached.Name;

        public override string Description => Reached.Description;
    }

    /// <summary>No cluster at or above <c>limits.min_cluster_size</c> is left that is neither fixed nor set aside.</summary>
    public sealed record ClustersExhausted : NightStopReason
    {
        public override string Name => "clusters_exhausted";

        public override string Description => "no cluster left to attempt";
    }

    /// <summary><c>limits.max_consecutive_rejections</c> attempts in a row were rejected.</summary>
    public sealed record ConsecutiveRejections(int Count) : NightStopReason
    {
        public override string Name => "consecutive_rejections";

        public override string Description => $"{Count} attempts in a row were rejected";
    }

    /// <summary>The tests failed at baseline and <c>limits.stop_if_tests_broken</c> is set.</summary>
    public sealed record TestsBroken(string Detail) : NightStopReason
    {
        public override string Name => "tests_broken";

        public override string Description => $"the tests fail before any change: {Detail}";
    }

    /// <summary>SIGINT or SIGTERM: the attempt in flight was finished or abandoned cleanly.</summary>
    public sealed record Interrupted : NightStopReason
    {
        public override string Name => "interrupted";

        public override string Description => "interrupted by a signal";
    }

    /// <summary>The harness failed (git, the probe, the journal); the error says what.</summary>
    public sealed record Failed(string Error) : NightStopReason
    {
        public override string Name => "failed";

        public override string Description => $"failed: {Error}";
    }
}
