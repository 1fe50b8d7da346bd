namespace Nightshift.Workloads.Bench.Statistics;

/// <summary>
/// pass@k: the chance that at least one of k runs passes, estimated without bias from n runs of which c
/// passed as 1 - C(n-c, k) / C(n, k) (Chen et al. 2021, "Evaluating Large Language Models Trained on Code").
/// </summary>
public static class PassAtK
{
    public static double Estimate(int runs, int passed, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(passed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(passed, runs);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, runs);
        if (runs - passed < k)
        {
            return 1;
        }

        // C(n-c, k) / C(n, k) = prod_{i = n-c+1}^{n} (1 - k / i): a product of numbers below 1 never
        // overflows, where the binomials themselves would for a few hundred runs.
        var failAll = 1.0;
        for (var i = runs - passed + 1; i <= runs; i++)
        {
            failAll *= 1.0 - ((double)k / i);
        }

        return 1 - failAll;
    }
}
