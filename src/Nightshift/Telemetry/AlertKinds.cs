namespace Nightshift.Telemetry;

/// <summary>
/// The kinds of alert Nightshift raises. An open set: a workload may raise its own kinds, but these
/// spellings are what the report and dashboards look for.
/// </summary>
public static class AlertKinds
{
    /// <summary>The repository's tests fail on the session branch (the report's "tests still pass" target is missed).</summary>
    public const string TestsBroken = "tests_broken";

    /// <summary>An agent's or a health check's endpoint stopped answering.</summary>
    public const string EndpointDown = "endpoint_down";

    /// <summary>Another process holds the repository's lock.</summary>
    public const string LockContention = "lock_contention";

    /// <summary>The disk holding the repository or the journal is nearly full.</summary>
    public const string DiskLow = "disk_low";

    /// <summary>Attempt after attempt is rejected: something is wrong beyond one cluster.</summary>
    public const string RepeatedRejections = "repeated_rejections";

    /// <summary>Pushing the session branch failed.</summary>
    public const string PushFailed = "push_failed";

    /// <summary>A budget (time or cost) ran out.</summary>
    public const string BudgetExhausted = "budget_exhausted";
}
