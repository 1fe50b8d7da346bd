namespace Nightshift.Probing;

/// <summary>
/// The probe could not measure anything: its command cannot start, or its corpus matches no file. Diagnostics,
/// crashes and timeouts of single items are measurements and never raise this.
/// </summary>
public sealed class ProbeException(string message, Exception? innerException = null)
    : NightshiftException(message, isFatal: true, innerException);
