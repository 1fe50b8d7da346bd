using System.Text.Json.Nodes;

namespace Nightshift.Workloads.CrashWatch;

/// <summary>Where the crash-watch parts journal what they do (the session wires it to its telemetry): kind, details, attempt.</summary>
public delegate Task CrashEventSink(string kind, JsonObject payload, long? attemptId, CancellationToken cancellationToken);
