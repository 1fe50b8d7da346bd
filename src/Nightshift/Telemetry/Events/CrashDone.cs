namespace Nightshift.Telemetry.Events;

/// <summary>A crash's pipeline ended: its result, ticket and commit once landed, and every step's duration.</summary>
[EventKind("crash.done")]
public sealed record CrashDone(
    long Task, string Signature, CrashResult Result, string? Ticket, string? Commit, double DurationMs, string? Problem,
    IReadOnlyList<CrashDoneStep> Steps) : SessionEvent, ICrashEvent;
