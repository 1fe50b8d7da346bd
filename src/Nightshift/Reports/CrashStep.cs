using System.Text.Json.Serialization;

namespace Nightshift.Reports;

/// <summary>One step of a crash's pipeline as journaled (<c>crash.step_finished</c>), in the order it ran.</summary>
/// <param name="Step">restart, analyze, agent, build, verdict, land, push, deploy; analyze to verdict repeat once per rung of the agent ladder.</param>
/// <param name="Agent">The ladder rung the step ran for, when the pipeline said.</param>
/// <param name="Outcome">ok, failed or skipped.</param>
/// <param name="Duration">How long the step took.</param>
/// <param name="Summary">The step's one line for people, e.g. "ok in 2.1 s".</param>
public sealed record CrashStep(
    string Step,
    string? Agent,
    string Outcome,
    [property: JsonPropertyName("duration_ms"), JsonConverter(typeof(MillisecondsJsonConverter))] TimeSpan Duration,
    string? Summary);
