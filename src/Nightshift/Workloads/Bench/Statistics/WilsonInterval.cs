namespace Nightshift.Workloads.Bench.Statistics;

/// <summary>
/// A pass rate with its Wilson score interval, which (unlike the normal approximation) stays inside
/// [0, 1] and behaves at 0 or n successes and for small n, the usual case of a bench
/// (https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Wilson_score_interval).
/// </summary>
public sealed record WilsonInterval(int Successes, int Trials, double Low, double High)
{
    /// <summary>The normal quantile for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The observed rate; 0 when there were no trials (and then the interval is all of [0, 1]).</summary>
    public double Rate => Trials == 0 ? 0 : (double)Successes / Trials;

    public static WilsonInterval Of(int successes, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return new WilsonInterval(0, 0, 0, 1);
        }

        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var center = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;

        // Rounding can push the bounds a hair past the observed rate at 0 or n successes.
        return new WilsonInterval(successes, trials, Math.Max(0, Math.Min(p, center - half)), Math.Min(1, Math.Max(p, center + half)));
    }

    /// <summary>True when the two intervals share at least one point.</summary>
    public bool Overlaps(WilsonInterval other) => Low <= other.High && other.Low <= High;
}
