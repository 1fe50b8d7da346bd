namespace Nightshift.Workloads.Learn.Koans;

/// <summary>Which side of the fixed split a koan is on.</summary>
public enum KoanSplit
{
    /// <summary>May become training data.</summary>
    Train,

    /// <summary>The frozen evaluation set: measured, never trained on.</summary>
    Eval,
}
