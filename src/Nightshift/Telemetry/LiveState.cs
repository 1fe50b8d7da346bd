namespace Nightshift.Telemetry;

/// <summary>
/// What <c>nightshift status</c> and <c>watch</c> conclude from status.json and the lock together.
/// </summary>
public enum LiveState
{
    /// <summary>No status file: no session has run here (the lock may still be held, e.g. by a baseline).</summary>
    Idle,

    /// <summary>The status says running and its session holds the lock.</summary>
    Running,

    /// <summary>The status says running but nobody holds the lock: the session died (kill -9, reboot) before it ended.</summary>
    Interrupted,

    /// <summary>The status says the session ended; its stop reason tells why.</summary>
    Ended,
}
