namespace Nightshift.Telemetry.Events;

/// <summary>A crash whose task was done (fixed or given up) came back: queued again, or not when tried often enough.</summary>
[EventKind("crash.recurred")]
public sealed record CrashRecurred(long Task, string Signature, string Report, bool Requeued) : SessionEvent, ICrashEvent;
