namespace Nightshift.Reports;

/// <summary>
/// The results a crash can have in the report: the pipeline's own words (<c>crash.done</c>'s result, see
/// Workloads.CrashWatch.Pipeline.CrashResult) and three the report adds for a crash whose pipeline has not ended.
/// </summary>
public static class CrashResults
{
    public const string Deployed = "deployed";

    public const string Landed = "landed";

    public const string Rejected = "rejected";

    public const string Failed = "failed";

    public const string RolledBack = "rolledback";

    public const string ServiceDown = "servicedown";

    /// <summary>The session still runs and the crash's pipeline has started but not ended.</summary>
    public const string InFlight = "in flight";

    /// <summary>The session still runs and the crash waits for its pipeline.</summary>
    public const string Queued = "queued";

    /// <summary>The session ended before the crash's pipeline did (or before it started): the next session takes it up.</summary>
    public const string Interrupted = "interrupted";

    // Always counted in the summary line, even at 0; the others only when some crash has them.
    private static readonly string[] _summarized = [Deployed, Landed, Rejected, Failed, RolledBack];

    /// <summary>How many crashes ended each way: deployed, landed, rejected, failed and rolled back always, the others when any.</summary>
    internal static IReadOnlyList<(string Result, int Count)> Tally(IReadOnlyList<CrashEntry> crashes) =>
        [.. _summarized.Concat(crashes.Select(c => c.Result).Where(r => !_summarized.Contains(r)).Distinct(StringComparer.Ordinal))
            .Select(result => (result, crashes.Count(c => c.Result == result)))];

    /// <summary>The result in words for people: "rolled back", "service down", the others as they are.</summary>
    public static string Text(string result) => result switch
    {
        RolledBack => "rolled back",
        ServiceDown => "service down",
        _ => result,
    };
}
