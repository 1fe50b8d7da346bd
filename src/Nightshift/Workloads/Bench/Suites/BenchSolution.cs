namespace Nightshift.Workloads.Bench.Suites;

/// <summary>A task's reference solution: what a perfect agent would leave in the workspace.</summary>
public abstract record BenchSolution
{
    private BenchSolution()
    {
    }

    /// <summary>A unified diff applied with <c>git apply</c> at the workspace root.</summary>
    public sealed record Patch(string Path) : BenchSolution;

    /// <summary>A directory whose files are copied over the workspace.</summary>
    public sealed record Overlay(string Path) : BenchSolution;
}
