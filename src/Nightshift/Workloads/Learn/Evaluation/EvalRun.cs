using Nightshift.Agents;

namespace Nightshift.Workloads.Learn.Evaluation;

/// <summary>One agent run on one eval koan.</summary>
/// <param name="KoanId">The koan.</param>
/// <param name="Family">The koan's family, its <see cref="Koans.Koan.Category"/> (borrow, traits, result-option in the bundled set).</param>
/// <param name="Repeat">Which of the k runs of this koan (1-based).</param>
/// <param name="Passed">The koan's own tests pass after the run (the only acceptance there is).</param>
/// <param name="Steps">Agent steps taken.</param>
/// <param name="StopReason">Why the agent stopped.</param>
/// <param name="RemainingErrorCodes">Error codes the compiler still reports after the run (distinct, sorted).</param>
/// <param name="AttemptId">The attempt in the journal.</param>
public sealed record EvalRun(
    string KoanId,
    string Family,
    int Repeat,
    bool Passed,
    int Steps,
    AgentStopReason StopReason,
    IReadOnlyList<string> RemainingErrorCodes,
    long AttemptId)
{
    /// <summary>Steps until green; null when the run failed.</summary>
    public int? StepsToGreen => Passed ? Steps : null;
}
