namespace Nightshift.Telemetry.Events;

/// <summary>A release failed its health check and the previous one was restored (or not: restore_problem).</summary>
[EventKind("service.rolled_back")]
public sealed record ServiceRolledBack(string Failed, string Restored, string Problem, string? RestoreProblem) : SessionEvent;
