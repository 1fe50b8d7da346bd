using System.Text.Json.Nodes;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Tests.Store;

namespace Nightshift.Tests.Reports;

/// <summary>Journals crashes the way CrashQueue and CrashPipeline do (same events, same payload members), on a manual clock.</summary>
internal sealed class CrashSession(Journal journal, SessionTelemetry telemetry, ManualClock clock, long sessionId)
{
    private static readonly CancellationToken _ct = CancellationToken.None;
    private int _reports;

    /// <summary>A new crash: its task, crash.detected (queued) and, unless <paramref name="start"/> is false, crash.pipeline_started.</summary>
    public async Task<CrashRun> DetectAsync(string signature, string title, double latencyMs, bool start = true)
    {
        var report = NextReport();
        var payload = new JsonObject
        {
            ["file"] = "crashes/service.log",
            ["offset"] = 0,
            ["report"] = report,
            ["format"] = "rust-panic",
            ["kind"] = "panic",
            ["message"] = title,
        };
        var task = await journal.EnsureTaskAsync(sessionId, new NewTask("crash", signature, title, payload.ToJsonString()), _ct);
        await telemetry.EventAsync(
            new CrashDetected("crashes/service.log", 0, report, "rust-panic", "panic", title, task.Id, signature, CrashDisposition.Queued, latencyMs),
            cancellationToken: _ct);
        var crash = new CrashRun(journal, telemetry, clock, sessionId, task.Id, signature);
        if (start)
        {
            await crash.StartAsync(title, report);
        }

        return crash;
    }

    /// <summary>A crash whose run ended came back: crash.detected (requeued) then crash.recurred.</summary>
    public Task RecurAsync(CrashRun crash, double latencyMs) => SightingAsync(crash, latencyMs, CrashDisposition.Requeued);

    /// <summary>The same crash again while its fix is in flight: crash.detected (attached) then crash.attached, one report.</summary>
    public Task AttachAsync(CrashRun crash, double latencyMs) => SightingAsync(crash, latencyMs, CrashDisposition.Attached);

    private async Task SightingAsync(CrashRun crash, double latencyMs, CrashDisposition disposition)
    {
        var report = NextReport();
        await telemetry.EventAsync(
            new CrashDetected("crashes/service.log", 4096, report, "rust-panic", "panic", null!, crash.TaskId, crash.Signature, disposition, latencyMs),
            cancellationToken: _ct);
        SessionEvent sighting = disposition == CrashDisposition.Requeued
            ? new CrashRecurred(crash.TaskId, crash.Signature, report, Requeued: true)
            : new CrashAttached(crash.TaskId, crash.Signature, report);
        await telemetry.EventAsync(sighting, cancellationToken: _ct);
    }

    private string NextReport() => $".nightshift/crash-watch/reports/20250302-000000-{++_reports:000}-service.log";
}
