namespace Nightshift.Telemetry.Events;

/// <summary>New text in a watched file that is not a crash report of a known format (yet).</summary>
[EventKind("crash.unrecognized")]
public sealed record CrashUnrecognized(string File, long Offset, long Bytes) : SessionEvent;
