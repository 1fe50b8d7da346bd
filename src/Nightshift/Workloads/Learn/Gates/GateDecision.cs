namespace Nightshift.Workloads.Learn.Gates;

/// <summary>What the gate decided about a candidate: <see cref="Promoted"/> or <see cref="RolledBack"/>, with every check.</summary>
public abstract record GateDecision
{
    private protected GateDecision(IReadOnlyList<GateCheck> checks) => Checks = checks;

    public IReadOnlyList<GateCheck> Checks { get; }

    public bool IsPromoted => this is Promoted;

    /// <summary>Why the candidate was rolled back; empty when it was promoted.</summary>
    public IReadOnlyList<string> Reasons => this switch
    {
        RolledBack rolledBack => rolledBack.Why,
        _ => [],
    };

    /// <summary>promoted or rolled-back, as metrics.jsonl spells it.</summary>
    public string Name => this switch
    {
        Promoted => "promoted",
        RolledBack => "rolled-back",
        _ => throw new InvalidOperationException($"Unknown gate decision {GetType().Name}."),
    };
}

/// <summary>The candidate passed every check and becomes the model to beat.</summary>
public sealed record Promoted(IReadOnlyList<GateCheck> AllChecks) : GateDecision(AllChecks);

/// <summary>The candidate failed a check (or never got to the checks) and is discarded; the previous model stays.</summary>
public sealed record RolledBack(IReadOnlyList<GateCheck> AllChecks, IReadOnlyList<string> Why) : GateDecision(AllChecks);
