using Nightshift.Telemetry.Events;

namespace Nightshift.Workloads.CrashWatch;

/// <summary>Where the crash-watch parts journal what they do (the session wires it to its telemetry): the event and its attempt.</summary>
public delegate Task CrashEventSink(SessionEvent sessionEvent, long? attemptId, CancellationToken cancellationToken);
