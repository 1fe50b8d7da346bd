using System.Text.Json.Serialization;

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

public enum CrashResult
{
    /// <summary>Fixed, landed and running: the new build passed its health check.</summary>
    Deployed,

    /// <summary>Fixed and landed; no service is configured to deploy to.</summary>
    Landed,

    /// <summary>The verdict turned the fix down (no change, build broken, tests worse, still crashes, policy).</summary>
    Rejected,

    /// <summary>A step could not run (the agent, git, a command); nothing landed.</summary>
    Failed,

    /// <summary>Landed, but the new build failed its health check; the previous build runs again.</summary>
    /// <remarks>Journals and reports have always spelled it as one word.</remarks>
    [JsonStringEnumMemberName("rolledback")]
    RolledBack,

    /// <summary>Landed, the new build failed, and the previous one did not come back either.</summary>
    [JsonStringEnumMemberName("servicedown")]
    ServiceDown,
}
