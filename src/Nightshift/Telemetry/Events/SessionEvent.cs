namespace Nightshift.Telemetry.Events;

/// <summary>
/// What a session journals (and mirrors to events.jsonl): one immutable record per kind, whose properties are the event's
/// payload in <see cref="EventJson"/>'s one dialect and whose <see cref="EventKindAttribute"/> names its kind.
/// </summary>
public abstract record SessionEvent;
