namespace Nightshift.Store;

/// <summary>The names sessions carry in the journal's <c>sessions.workload</c>, for the workloads and for what reads them (reports).</summary>
public static class WorkloadNames
{
    public const string BurnDown = "burn-down";

    public const string CrashWatch = "crash-watch";

    public const string Bench = "bench";
}
