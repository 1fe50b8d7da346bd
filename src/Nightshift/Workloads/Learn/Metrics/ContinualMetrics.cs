namespace Nightshift.Workloads.Learn.Metrics;

/// <summary>
/// Continual-learning figures over the evals of one <c>nightshift learn</c> run (issue 19), per cycle's candidate and per
/// koan family (<see cref="EvalRecord.Families"/>):
/// <list type="bullet">
/// <item><b>Forgetting</b>: the largest drop of any family's pass rate from that family's best pass rate in an earlier eval
/// of the run: the baseline, the model promoted before the run and every earlier cycle's candidate, promoted or rolled back.
/// max over families f of (best earlier rate of f − this candidate's rate of f), 0 when no family fell; the family that
/// fell furthest is named (the first by name on a tie).</item>
/// <item><b>Forward transfer</b> of a family: the candidate's pass rate on it minus the baseline's. The standard measure
/// (Lopez-Paz and Ranzato, GEM, 2017) compares against the model before any training; here that is the baseline, the
/// agent as configured, evaluated at the start of the same run on the same eval koans. A family the baseline has no runs
/// of has no transfer.</item>
/// </list>
/// Pure: it reads the records it is given, in order, and nothing else.
/// </summary>
public static class ContinualMetrics
{
    /// <summary>The figures of each cycle whose candidate was evaluated, in order.</summary>
    /// <param name="evals">The run's evals in the order they were recorded (baseline, promoted, then each candidate).
    /// Records without families (written before they were recorded) give no figures and set no best.</param>
    public static IReadOnlyList<ContinualCycle> Of(IEnumerable<EvalRecord> evals)
    {
        ArgumentNullException.ThrowIfNull(evals);
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        EvalRecord? baseline = null;
        var cycles = new List<ContinualCycle>();
        foreach (var eval in evals)
        {
            if (eval is { Role: "candidate", Cycle: { } cycle, Families.Count: > 0 })
            {
                cycles.Add(new ContinualCycle(cycle, eval.Model, LargestDrop(eval, best), ForwardTransfer(eval, baseline)));
            }

            if (eval.Role == "baseline")
            {
                baseline ??= eval;
            }

            foreach (var family in eval.Families)
            {
                best[family.Family] = best.TryGetValue(family.Family, out var earlier) ? Math.Max(earlier, family.PassRate) : family.PassRate;
            }
        }

        return cycles;
    }

    private static FamilyDrop? LargestDrop(EvalRecord candidate, Dictionary<string, double> best)
    {
        FamilyDrop? largest = null;
        foreach (var family in candidate.Families)
        {
            if (best.TryGetValue(family.Family, out var earlier) && earlier > family.PassRate
                && (largest is null || earlier - family.PassRate > largest.Drop))
            {
                largest = new FamilyDrop(family.Family, earlier, family.PassRate);
            }
        }

        return largest;
    }

    private static IReadOnlyList<FamilyTransfer> ForwardTransfer(EvalRecord candidate, EvalRecord? baseline)
    {
        if (baseline is null)
        {
            return [];
        }

        var before = baseline.Families.ToDictionary(f => f.Family, f => f.PassRate, StringComparer.Ordinal);
        return [.. candidate.Families.Where(f => before.ContainsKey(f.Family)).Select(f => new FamilyTransfer(f.Family, f.PassRate, before[f.Family]))];
    }
}
