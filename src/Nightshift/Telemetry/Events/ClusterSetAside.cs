namespace Nightshift.Telemetry.Events;

/// <summary>A cluster rejected too often is left for a person.</summary>
[EventKind("cluster.set_aside")]
public sealed record ClusterSetAside(string Cluster, int Rejections, string LastReasons) : SessionEvent;
