namespace Nightshift.Workloads.Bench.Suites;

/// <summary>Where a task's starting files come from. Every run gets its own fresh copy.</summary>
public abstract record BenchWorkspaceSource
{
    private BenchWorkspaceSource()
    {
    }

    /// <summary>A directory copied as is (without any .git inside it).</summary>
    public sealed record Folder(string Path) : BenchWorkspaceSource;

    /// <summary>The tree of <paramref name="Ref"/> in a git repository, without its history (git archive).</summary>
    public sealed record GitTree(string Repository, string Ref) : BenchWorkspaceSource;
}
