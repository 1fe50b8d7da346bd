namespace Nightshift.Telemetry.Events;

/// <summary>What became of a crash report taken (the <c>disposition</c> of a <c>crash.detected</c> event).</summary>
public enum CrashDisposition
{
    /// <summary>A new crash: its pipeline is queued.</summary>
    Queued,

    /// <summary>Its fix is queued or in flight: attached to it.</summary>
    Attached,

    /// <summary>It came back after its fix: queued again.</summary>
    Requeued,

    /// <summary>It came back, but was tried often enough this session.</summary>
    NotRetried,
}
