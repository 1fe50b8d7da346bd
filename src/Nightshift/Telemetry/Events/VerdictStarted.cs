namespace Nightshift.Telemetry.Events;

/// <summary>The agent finished; its change is being measured.</summary>
[EventKind("verdict.started")]
public sealed record VerdictStarted(int FilesChanged, string AgentStop) : SessionEvent;
