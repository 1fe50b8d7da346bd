namespace Nightshift.Workloads.Bench.Statistics;

/// <summary>Median, 90th percentile and range of a sample; percentiles interpolate linearly between order statistics.</summary>
public sealed record Distribution(int Count, double Median, double P90, double Min, double Max)
{
    public static Distribution Empty { get; } = new(0, 0, 0, 0, 0);

    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? Empty
            : new Distribution(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted[0], sorted[^1]);
    }

    /// <summary>
    /// The <paramref name="fraction"/> quantile of ascending <paramref name="sorted"/> values: the point at rank
    /// fraction × (n - 1), interpolated (the "linear" method of numpy and R's type 7).
    /// </summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var rank = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }
}
