namespace Nightshift.Diagnostics.Crashes;

/// <summary>The <see cref="CrashTrace.Role"/> values the parsers produce.</summary>
public static class CrashTraceRoles
{
    /// <summary>ASan: "freed by thread T0 here".</summary>
    public const string FreedBy = "freed-by";

    /// <summary>ASan: "previously allocated by thread T0 here" (or "allocated by" for overflows).</summary>
    public const string AllocatedBy = "allocated-by";

    /// <summary>.NET: an inner exception, outermost first (the deepest is the root cause).</summary>
    public const string InnerException = "inner-exception";

    /// <summary>Python: "The above exception was the direct cause of the following exception" (raise ... from).</summary>
    public const string Cause = "cause";

    /// <summary>Python: "During handling of the above exception, another exception occurred".</summary>
    public const string Context = "context";
}
