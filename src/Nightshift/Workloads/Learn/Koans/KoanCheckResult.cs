namespace Nightshift.Workloads.Learn.Koans;

/// <summary>A koan checked both ways: as shipped (it must fail) and with its reference solution (it must pass).</summary>
public sealed record KoanCheckResult(Koan Koan, KoanRun Before, KoanRun After)
{
    /// <summary>The koan is usable: broken as shipped, green with its solution.</summary>
    public bool IsSound => !Before.IsGreen && After.IsGreen;

    /// <summary>What is wrong with the koan, or null when it is sound.</summary>
    public string? Problem => (Before.IsGreen, After.IsGreen) switch
    {
        (true, true) => "the broken program already passes its tests",
        (true, false) => $"the broken program passes its tests and the solution {After.Describe()}",
        (false, false) => $"the solution {After.Describe()}",
        (false, true) => null,
    };
}
