using System.Globalization;
using Nightshift.Configuration;

namespace Nightshift.Sessions;

/// <summary>
/// A limit of <c>limits</c> that no longer holds, as every workload's session sees it (<see cref="SessionLimits"/>): its
/// <see cref="Name"/> is the session's stop reason in the journal, the same word for every workload.
/// </summary>
public abstract record LimitReached
{
    private LimitReached()
    {
    }

    /// <summary>The journal's word for it: <c>time_budget</c>, <c>cost_budget</c>, <c>disk_low</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One sentence for a person.</summary>
    public abstract string Description { get; }

    /// <summary><c>limits.hours</c> ran out.</summary>
    public sealed record TimeBudget(TimeSpan Budget) : LimitReached
    {
        public override string Name => "time_budget";

        public override string Description => $"the time budget of {Durations.Format(Budget)} ran out";
    }

    /// <summary><c>limits.max_cost_usd</c> was reached.</summary>
    public sealed record CostBudget(decimal SpentUsd, decimal LimitUsd) : LimitReached
    {
        public override string Name => "cost_budget";

        public override string Description =>
            string.Create(CultureInfo.InvariantCulture, $"${SpentUsd:0.00} spent of the ${LimitUsd:0.00} budget");
    }

    /// <summary>The repository's disk has less free space than <c>limits.min_free_disk</c>.</summary>
    public sealed record DiskLow(string Detail) : LimitReached
    {
        public override string Name => "disk_low";

        public override string Description => Detail;
    }
}
