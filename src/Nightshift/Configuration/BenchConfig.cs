namespace Nightshift.Configuration;

/// <summary>The bench workload (<c>bench</c>): agents scored on suites of known tasks.</summary>
public sealed record BenchConfig
{
    public IReadOnlyList<string> Suites { get; init; } = [];

    /// <summary>Tasks run in parallel; 0 means one per processor core.</summary>
    public int Jobs { get; init; } = 1;
}
