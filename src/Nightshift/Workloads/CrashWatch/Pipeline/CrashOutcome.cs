using Nightshift.Telemetry.Events;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>How one crash's pipeline ended, with every step and its duration.</summary>
/// <param name="TaskId">The journal's task.</param>
/// <param name="Signature">What deduplicates the crash.</param>
/// <param name="Title">One line about the crash.</param>
/// <param name="Result">Where it got to.</param>
/// <param name="Ticket">The fix's ticket once landed.</param>
/// <param name="Commit">The fix's commit once landed.</param>
/// <param name="Steps">Each step in order.</param>
/// <param name="Duration">The whole pipeline.</param>
/// <param name="Problem">Why it stopped short of <see cref="CrashResult.Deployed"/> or <see cref="CrashResult.Landed"/>.</param>
public sealed record CrashOutcome(
    long TaskId,
    string Signature,
    string Title,
    CrashResult Result,
    string? Ticket,
    string? Commit,
    IReadOnlyList<StepRecord> Steps,
    TimeSpan Duration,
    string? Problem);
