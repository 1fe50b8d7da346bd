namespace Nightshift.Telemetry.Events;

/// <summary>A worker's attempt on a cluster began.</summary>
[EventKind("attempt.started")]
public sealed record AttemptStarted(string Cluster, int Count, string Agent, int Worker) : SessionEvent;
