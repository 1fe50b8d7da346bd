namespace Nightshift.Telemetry.Events;

/// <summary>A new core file in <c>crash.cores</c> that another program dumped, not <c>crash.executable</c>: no crash of the service.</summary>
/// <param name="File">The core file.</param>
/// <param name="Program">The command line that dumped it, as the core records it.</param>
[EventKind("crash.core_skipped")]
public sealed record CoreSkipped(string File, string Program) : SessionEvent;
