using System.Text.Json.Serialization;

namespace Nightshift.Telemetry.Events;

/// <summary>A step of a crash's pipeline began; <paramref name="Agent"/> is the rung of the ladder for an attempt's steps.</summary>
[EventKind("crash.step_started")]
public sealed record CrashStepStarted(
    long Task, string Signature, string Step, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Agent)
    : SessionEvent, ICrashEvent;
