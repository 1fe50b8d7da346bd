using Nightshift.Attempts.Episodes;
using Nightshift.Verification;

namespace Nightshift.Attempts;

/// <summary>The verdict on an attempt, with what the workload measured for it.</summary>
/// <param name="Verdict">The verifier's decision.</param>
/// <param name="DiagnosticsAfter">What is still wrong after the attempt, for the episode.</param>
/// <param name="Measured">The workload's own measurement (burn-down's probe and tests of the worktree).</param>
public sealed record AttemptJudgement<TMeasured>(Verdict Verdict, IReadOnlyList<EpisodeDiagnostic> DiagnosticsAfter, TMeasured Measured)
{
    /// <summary>How long the build, probe and tests of the change took; null when the workload did not clock them apart.</summary>
    public TimeSpan? Measuring { get; init; }
}
