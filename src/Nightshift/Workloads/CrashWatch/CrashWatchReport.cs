using Nightshift.Workloads.CrashWatch.Pipeline;

namespace Nightshift.Workloads.CrashWatch;

/// <summary>What a crash-watch session did: every crash that went through the pipeline, with its steps and their durations.</summary>
/// <param name="SessionId">The journal's session.</param>
/// <param name="Branch">The session branch fixes landed on.</param>
/// <param name="StopReason">interrupted, max_crashes, or a limit: time_budget, cost_budget, disk_low.</param>
/// <param name="Detected">Crash reports taken (each journaled).</param>
/// <param name="Attached">Of those, the ones attached to a fix already queued or in flight.</param>
/// <param name="Crashes">Each pipeline's outcome, in order.</param>
public sealed record CrashWatchReport(long SessionId, string Branch, string StopReason, int Detected, int Attached, IReadOnlyList<CrashOutcome> Crashes);
