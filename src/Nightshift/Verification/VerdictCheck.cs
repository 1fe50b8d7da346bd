using System.Text.Json.Serialization;

namespace Nightshift.Verification;

/// <summary>
/// A rule a workload measures besides clusters and tests, as the verdict records it: crash-watch's build and repro, a
/// koan's own tests. <see cref="Outcome"/> is what was measured, in words ("ok in 2.1 s", "exits 0", "passes 3 of 3").
/// </summary>
/// <param name="Name">What was checked: <c>build</c>, <c>repro</c>, <c>koan_tests</c>.</param>
/// <param name="Passed">The rule held.</param>
/// <param name="Outcome">What was measured, in words.</param>
public sealed record VerdictCheck(string Name, bool Passed, string Outcome)
{
    /// <summary>Why the rule failed, for the verifier to list among the reasons; never journaled apart from them.</summary>
    [JsonIgnore]
    public RejectionReason? Failure { get; private init; }

    public static VerdictCheck Passing(string name, string outcome) => new(name, true, outcome);

    public static VerdictCheck Failing(string name, string outcome, RejectionReason failure) =>
        new(name, false, outcome) { Failure = failure };

    public override string ToString() => $"{Name} {Outcome}";
}
