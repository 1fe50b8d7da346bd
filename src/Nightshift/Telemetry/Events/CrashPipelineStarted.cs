namespace Nightshift.Telemetry.Events;

/// <summary>A crash's pipeline began.</summary>
[EventKind("crash.pipeline_started")]
public sealed record CrashPipelineStarted(long Task, string Signature, string Title, string Report) : SessionEvent, ICrashEvent;
