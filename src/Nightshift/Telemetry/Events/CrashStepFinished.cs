using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightshift.Telemetry.Events;

/// <summary>
/// A step of a crash's pipeline ended, with its outcome and duration; the step's own figures (the build's exit code, ...), its
/// <c>Detail</c>, are written beside the other fields.
/// </summary>
[EventKind("crash.step_finished")]
public sealed record CrashStepFinished(
    long Task,
    string Signature,
    string Step,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Agent,
    StepOutcome Outcome,
    double DurationMs,
    string Summary) : SessionEvent, ICrashEvent
{
    // A JsonObject as extension data is written as a nested object by SerializeToNode (.NET 10): JsonElement values are not.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Detail { get; init; }
}
