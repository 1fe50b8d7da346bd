namespace Nightshift.Attempts;

/// <summary>
/// Where an attempt's wall time went, as <see cref="AttemptRunner"/> clocked it: what the benchmarks subtract to find the
/// harness's own cost per attempt, and what a person reads when a night is slower than it should be.
/// </summary>
/// <param name="Prepare">Leasing the worktree (reset or checkout, setup command) and writing the task.</param>
/// <param name="Agent">The agent's run.</param>
/// <param name="Capture">Staging the worktree and writing the change's patch.</param>
/// <param name="Judge">Measuring the change and deciding on it.</param>
/// <param name="Measure">Of <paramref name="Judge"/>, the build, probe and tests of the change, when the workload clocked them.</param>
/// <param name="Total">From the attempt's journal entry to its verdict journaled.</param>
public sealed record AttemptTimings(TimeSpan Prepare, TimeSpan Agent, TimeSpan Capture, TimeSpan Judge, TimeSpan? Measure, TimeSpan Total)
{
    /// <summary>The harness's own share: the total less the agent and the measurement (the whole judging when not clocked apart).</summary>
    public TimeSpan Harness => Total - Agent - (Measure ?? Judge);
}
