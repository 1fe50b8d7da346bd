namespace Nightshift.Workloads.CrashWatch.Deploy;

/// <summary>How a deploy ended: the new release healthy, or rolled back to the previous one, or, worst, nothing healthy.</summary>
public abstract record DeployOutcome
{
    private DeployOutcome()
    {
    }

    /// <summary>The new release runs and passed its health check after <paramref name="HealthyAfter"/>.</summary>
    public sealed record Deployed(Release Release, TimeSpan HealthyAfter) : DeployOutcome;

    /// <summary>The new release failed (<paramref name="Problem"/>); the previous one was started again and is healthy.</summary>
    public sealed record RolledBack(Release Failed, Release Restored, string Problem) : DeployOutcome;

    /// <summary>The new release failed and so did the previous one when started again: the service is down.</summary>
    public sealed record ServiceDown(Release Failed, Release Previous, string Problem, string RestoreProblem) : DeployOutcome;
}
