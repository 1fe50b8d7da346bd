namespace Nightshift.Telemetry.Events;

/// <summary>The session branch measured before any change.</summary>
[EventKind("baseline.measured")]
public sealed record BaselineMeasured(string Commit, int Errors, int Clusters, int? TestsPassing, int? TestsTotal) : SessionEvent;
