using Nightshift.Diagnostics;

namespace Nightshift.Agents;

/// <summary>
/// The measurements an agent may ask for while it works (the <c>run_check</c> and
/// <c>run_tests</c> tools, the offline agent's re-check). The probe implements it for a worktree.
/// </summary>
public interface IWorkspaceChecks
{
    /// <summary>Runs the probe for the given files (all of them when empty) and returns the diagnostics.</summary>
    Task<IReadOnlyList<Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken);

    /// <summary>Runs the configured tests; the text is what the agent is shown.</summary>
    Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs the probe's steps on one corpus item of the worktree as it is now and returns what they generated (a
    /// generator's output) with the diagnostics; null where the workload has no corpus to generate from.
    /// </summary>
    Task<GeneratedOutput?> GenerateAsync(string item, CancellationToken cancellationToken) => Task.FromResult<GeneratedOutput?>(null);
}

/// <summary>What the probe's steps wrote for one item (<c>{work}/…</c> paths and their text) and the diagnostics they reported.</summary>
public sealed record GeneratedOutput(string Item, IReadOnlyList<(string Path, string Content)> Files, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>What the agent learns from a test run.</summary>
public sealed record TestRunSummary(int Passed, int Failed, int Skipped, string Output)
{
    public bool AllPassed => Failed == 0;
}
