namespace Nightshift.Telemetry.Events;

/// <summary>The change, replayed on fixes landed meanwhile, was decided again.</summary>
[EventKind("verdict.rebased")]
public sealed record VerdictRebased(bool Accepted, string Summary) : SessionEvent;
