using System.Text.Json.Nodes;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Tests.Store;

namespace Nightshift.Tests.Reports;

/// <summary>Journals crashes the way CrashQueue and CrashPipeline do (same events, same payload members), on a manual clock.</summary>
internal sealed class CrashSession(Journal journal, SessionTelemetry telemetry, ManualClock clock, long sessionId)
{
    private static readonly CancellationToken _ct = CancellationToken.None;
    private int _reports;

    /// <summary>A new crash: its task, crash_detected (queued) and, unless <paramref name="start"/> is false, crash_pipeline_started.</summary>
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
        payload["task"] = task.Id;
        payload["signature"] = signature;
        payload["disposition"] = "queued";
        payload["latency_ms"] = latencyMs;
        await telemetry.EventAsync(CrashEvents.Detected, payload, cancellationToken: _ct);
        var crash = new CrashRun(journal, telemetry, clock, sessionId, task.Id, signature);
        if (start)
        {
            await crash.StartAsync(title, report);
        }

        return crash;
    }

    /// <summary>A crash whose run ended came back: crash_detected (requeued) then crash_recurred.</summary>
    public Task RecurAsync(CrashRun crash, double latencyMs) => SightingAsync(crash, latencyMs, "requeued", CrashEvents.Recurred);

    /// <summary>The same crash again while its fix is in flight: crash_detected (attached) then crash_attached, one report.</summary>
    public Task AttachAsync(CrashRun crash, double latencyMs) => SightingAsync(crash, latencyMs, "attached", CrashEvents.Attached);

    private async Task SightingAsync(CrashRun crash, double latencyMs, string disposition, string kind)
    {
        var report = NextReport();
        await telemetry.EventAsync(
            CrashEvents.Detected,
            new JsonObject
            {
                ["file"] = "crashes/service.log",
                ["offset"] = 4096,
                ["report"] = report,
                ["format"] = "rust-panic",
                ["kind"] = "panic",
                ["task"] = crash.TaskId,
                ["signature"] = crash.Signature,
                ["disposition"] = disposition,
                ["latency_ms"] = latencyMs,
            },
            cancellationToken: _ct);
        var details = new JsonObject { ["task"] = crash.TaskId, ["signature"] = crash.Signature, ["report"] = report };
        if (kind == CrashEvents.Recurred)
        {
            details["requeued"] = true;
        }

        await telemetry.EventAsync(kind, details, cancellationToken: _ct);
    }

    private string NextReport() => $".nightshift/crash-watch/reports/20250302-000000-{++_reports:000}-service.log";
}
