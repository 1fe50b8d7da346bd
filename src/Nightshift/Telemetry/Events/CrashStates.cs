using System.Text.Json.Serialization;

namespace Nightshift.Telemetry.Events;

/// <summary>Where a crash's pipeline got to, as its events and the report name it.</summary>
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

/// <summary>How one step of a crash's pipeline ended.</summary>
public enum StepOutcome
{
    Ok,
    Failed,
    Skipped,
}
