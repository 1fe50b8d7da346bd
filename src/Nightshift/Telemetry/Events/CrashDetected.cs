
namespace Nightshift.Telemetry.Events;

/// <summary>A crash report was taken and its crash journaled as a task, with the detection latency.</summary>
/// <param name="File">The watched file.</param>
/// <param name="Offset">Where the report starts in it.</param>
/// <param name="Report">The copy kept under .nightshift/.</param>
/// <param name="Format">The report's format.</param>
/// <param name="Kind">The crash's kind (panic, signal, ...).</param>
/// <param name="Message">The crash's message.</param>
/// <param name="Task">The journal's crash task.</param>
/// <param name="Signature">What deduplicates the crash.</param>
/// <param name="Disposition">What became of it.</param>
/// <param name="LatencyMs">From the report's last write to its taking.</param>
[EventKind("crash.detected")]
public sealed record CrashDetected(
    string File, long Offset, string Report, string Format, string Kind, string Message, long Task, string Signature,
    CrashDisposition Disposition, double LatencyMs) : SessionEvent, ICrashEvent;
