namespace Nightshift.Telemetry.Events;

/// <summary>The same crash (signature) again while its fix is queued or in flight: attached to it, not queued twice.</summary>
[EventKind("crash.attached")]
public sealed record CrashAttached(long Task, string Signature, string Report) : SessionEvent, ICrashEvent;
