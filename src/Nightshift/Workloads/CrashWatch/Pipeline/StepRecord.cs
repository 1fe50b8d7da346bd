namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>One step of a crash's pipeline as the report lists it: analyze, agent, build, verdict, land, push, deploy.</summary>
public sealed record StepRecord(string Step, StepOutcome Outcome, TimeSpan Duration, string Summary);

public enum StepOutcome
{
    Ok,
    Failed,
    Skipped,
}
