namespace Nightshift.Telemetry.Events;

/// <summary>
/// The kind an event record is journaled under: <c>subject.what_happened</c>, lower case, one dot, the part after it in
/// snake_case (<c>session.started</c>, <c>crash.step_finished</c>). <see cref="EventJson"/> reads it, once per type.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventKindAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
}
