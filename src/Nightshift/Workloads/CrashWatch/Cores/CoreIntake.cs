using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Workloads.CrashWatch.Watching;

namespace Nightshift.Workloads.CrashWatch.Cores;

/// <summary>
/// The watcher's handler in front of the crash queue: a core file is read by gdb and offered as its transcript, any other
/// file as it is. One queue for both, so a core and a log of the same crash share a signature and a fix.
/// </summary>
/// <remarks>
/// A core gdb cannot read raises a <see cref="CrashAlerts.CoreUnreadable"/> alert and is declined (tried again only if it
/// changes); a core of another program is journaled as <see cref="CoreSkipped"/>. Neither stops the session. A core
/// crash-watch exported itself into <paramref name="exports"/> (coredumpctl keeps the original) is deleted once gdb read
/// it: the transcript is what the pipeline needs, and a night of cores would fill the disk.
/// </remarks>
internal sealed class CoreIntake(
    CrashFileWatcher watcher, CoreReader reader, SessionTelemetry telemetry, CrashFileWatcher.Handler next, string? exports = null)
{
    public async Task<bool> OfferAsync(CrashFile file, CancellationToken cancellationToken)
    {
        if (!watcher.IsCore(file.Path))
        {
            return await next(file, cancellationToken).ConfigureAwait(false);
        }

        switch (await reader.ReadAsync(file.Path, cancellationToken).ConfigureAwait(false))
        {
            case CoreReading.Transcript transcript:
                var taken = await next(file with { Text = transcript.Text }, cancellationToken).ConfigureAwait(false);
                if (exports is not null && Path.GetDirectoryName(file.Path) == exports)
                {
                    Discard(file.Path);
                }

                return taken;
            case CoreReading.OtherProgram other:
                await telemetry.EventAsync(new CoreSkipped(file.Path, other.Program), cancellationToken: cancellationToken).ConfigureAwait(false);
                return false;
            case CoreReading.Unreadable unreadable:
                await telemetry.AlertAsync(
                    AlertSeverity.Warning, CrashAlerts.CoreUnreadable,
                    $"gdb could not read the core {file.Path} with {reader.Executable}: {unreadable.Reason}. The crash is not queued; "
                    + "check that crash.executable is the program that dumped it and that the core is complete.",
                    cancellationToken).ConfigureAwait(false);
                return false;
            default:
                throw new InvalidOperationException("A core reading of an unknown kind.");
        }
    }

    private static void Discard(string core)
    {
        try
        {
            File.Delete(core);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the disk guard to notice; the crash itself is queued.
        }
    }
}
