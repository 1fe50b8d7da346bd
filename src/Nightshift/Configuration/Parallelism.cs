namespace Nightshift.Configuration;

/// <summary>
/// Upper bounds of the settings that start work at once. Past them a typo (<c>workers: 400</c>) would start hundreds
/// of agents, builds or compilers on one machine before anything reported a problem.
/// </summary>
public static class Parallelism
{
    /// <summary><c>limits.workers</c>: each worker runs an agent, a build and the tests in a worktree of its own.</summary>
    public const int MaxWorkers = 32;

    /// <summary><c>probe.jobs</c>, <c>bench.jobs</c> and <c>--jobs</c>: processes (compilers, runs) at once.</summary>
    public const int MaxJobs = 256;
}
