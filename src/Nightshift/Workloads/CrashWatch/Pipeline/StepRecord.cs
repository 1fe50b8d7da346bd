using Nightshift.Telemetry.Events;
namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>One step of a crash's pipeline as the report lists it: restart, analyze, agent, build, verdict, land, push, deploy.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Summary">One line for people.</param>
/// <param name="Agent">
/// The rung of <c>agent.ladder</c> the step belonged to (analyze, agent, build and verdict run once per rung tried); null for the
/// steps around them.
/// </param>
public sealed record StepRecord(string Step, StepOutcome Outcome, TimeSpan Duration, string Summary, string? Agent = null);
