namespace Nightshift.Telemetry.Events;

/// <summary>A crash an earlier session journaled but did not finish (killed, interrupted) is taken up by this one.</summary>
[EventKind("crash.resumed")]
public sealed record CrashResumed(long Task, long EarlierTask, string Signature, string Report) : SessionEvent, ICrashEvent;
