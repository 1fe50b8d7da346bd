using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>What a bench reports as it goes, for the CLI to render as progress.</summary>
public abstract record BenchEvent
{
    private BenchEvent()
    {
    }

    /// <summary>A phase begins; <paramref name="AlreadyDone"/> of its runs were finished before a resume.</summary>
    public sealed record PhaseStarted(BenchPhase Phase, int Runs, int AlreadyDone) : BenchEvent;

    public sealed record RunStarted(PlannedRun Run, int Attempt) : BenchEvent;

    /// <summary>A run is over and recorded; <paramref name="Finished"/> of <paramref name="Planned"/> are done.</summary>
    public sealed record RunFinished(RunRecord Record, int Finished, int Planned) : BenchEvent;

    /// <summary>An infrastructure error; the run starts again after <paramref name="Delay"/>.</summary>
    public sealed record RunRetrying(PlannedRun Run, int Attempt, string Reason, TimeSpan Delay) : BenchEvent;

    /// <summary>The pause gate is closed; no run starts until it opens.</summary>
    public sealed record Paused(string Reason) : BenchEvent;

    /// <summary>A phase's budget is used: <paramref name="NotStarted"/> of its runs will not start.</summary>
    public sealed record PhaseBudgetUsed(BenchPhase Phase, int NotStarted) : BenchEvent;

    /// <summary>A guard stops the bench (free disk); runs in flight finish.</summary>
    public sealed record Stopping(string Reason) : BenchEvent;
}
