namespace Nightshift.Workloads.Learn.Gates;

/// <summary>
/// Decides whether a trained candidate replaces the current model. It is promoted only when all hold:
/// <list type="number">
/// <item>its pass rate is at least the baseline's (the agent as configured, untrained) minus the margin;</item>
/// <item>its pass rate is at least the previously promoted model's minus the margin (when there is one);</item>
/// <item>its repeat-error rate is no higher than the current model's (the promoted one, else the baseline).</item>
/// </list>
/// The margin (<c>learn.gates.margin</c>, a fraction) absorbs eval noise on pass rates; repeat errors get none,
/// because a model that forgets a lesson it was given is what learning must never do.
/// </summary>
public static class Gate
{
    public static GateDecision Decide(GateScore candidate, GateScore baseline, GateScore? promoted, double margin)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);

        var checks = new List<GateCheck> { PassRate("pass rate vs baseline", candidate, baseline, margin) };
        if (promoted is not null)
        {
            checks.Add(PassRate("pass rate vs promoted", candidate, promoted, margin));
        }

        var current = promoted ?? baseline;
        checks.Add(new GateCheck(
            "repeat-error rate does not rise",
            candidate.RepeatErrorRate <= current.RepeatErrorRate,
            $"repeat-error rate {Percent(candidate.RepeatErrorRate)} vs {Percent(current.RepeatErrorRate)} of {Name(current)}"));

        var failed = checks.Where(c => !c.Passed).Select(c => $"{c.Rule}: {c.Detail}").ToList();
        return failed.Count == 0 ? new Promoted(checks) : new RolledBack(checks, failed);
    }

    /// <summary>A candidate that never reached the checks (training failed, nothing to train on).</summary>
    public static RolledBack Without(string reason) => new([], [reason]);

    private static GateCheck PassRate(string rule, GateScore candidate, GateScore reference, double margin)
    {
        // Rounded to a millionth so that 7/9 against 7/9 - 0 never fails on a floating-point hair.
        var passed = Math.Round(candidate.PassRate - (reference.PassRate - margin), 6) >= 0;
        return new GateCheck(
            rule,
            passed,
            $"pass rate {Percent(candidate.PassRate)} vs {Percent(reference.PassRate)} of {Name(reference)} (margin {Percent(margin)})");
    }

    private static string Name(GateScore score) => score.Model ?? "the configured agent";

    private static string Percent(double share) => LearnFormat.Percent(share);
}
