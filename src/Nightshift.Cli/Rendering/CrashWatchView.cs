using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Workloads.CrashWatch;
using Spectre.Console;

namespace Nightshift.Cli.Rendering;

/// <summary>What <c>nightshift crash-watch</c> prints: a line per step on stderr as it goes, every crash with its steps on stdout at the end.</summary>
internal static class CrashWatchView
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The stderr line for a journaled event, or null for one not worth a line (unless verbose).</summary>
    public static string? Line(TelemetryEvent e, bool verbose)
    {
        var text = e.ToRecord() switch
        {
            CrashDetected d => $"crash {EventJson.WireName(d.Disposition)}: {d.Signature} (taken {Number(d.LatencyMs)} ms after its last write)",
            CrashAttached a => $"  attached to the fix in flight (task {Number(a.Task)})",
            CrashRecurred r => $"crash came back: {r.Signature}",
            CrashStepFinished f => $"  {f.Step,-8} {EventJson.WireName(f.Outcome),-7} {Number(f.DurationMs)} ms  {(f.Agent is { } agent ? $"[{agent}] " : "")}{f.Summary}",
            CrashDone d => $"done: {EventJson.WireName(d.Result)} {d.Ticket} ({Number(d.DurationMs)} ms)",
            ServiceStarted s => $"  service started from {s.Release} (pid {Number(s.Pid)})",
            ServiceHealthChecked h => $"  health: {(h.Healthy ? "ok" : h.Problem)} after {Number(h.WaitedMs)} ms",
            ServiceStopped s => $"  service stopped (pid {Number(s.Pid)}{(s.KilledAfterGrace ? ", killed after the grace period" : "")})",
            AlertRaised a => $"ALERT {EventJson.WireName(a.Severity)} {a.Kind}: {a.Message}",
            _ => verbose ? $"{e.Kind} {EventText.Describe(e)}" : null,
        };
        return text is null ? null : $"{e.At.ToLocalTime():HH:mm:ss} {text}";
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static void Table(IAnsiConsole console, CrashWatchReport report)
    {
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crash-watch session {report.SessionId} on {report.Branch}: {report.Detected} crash report(s) taken, {report.Attached} attached, {report.Crashes.Count} fixed or tried; stopped: {report.StopReason}"));
        if (report.Crashes.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("crash", "result", "ticket", "steps (seconds)");
        foreach (var crash in report.Crashes)
        {
            var steps = string.Join(" ", crash.Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Step}{(s.Agent is null ? "" : $"[{s.Agent}]")}{Mark(s.Outcome)}{s.Duration.TotalSeconds:0.0}")));
            table.AddRow(Markup.Escape(crash.Title), EventJson.WireName(crash.Result), crash.Ticket ?? "-", Markup.Escape(steps));
        }

        console.Write(table);
    }

    public static string Json(CrashWatchReport report) => new JsonObject
    {
        ["session"] = report.SessionId,
        ["branch"] = report.Branch,
        ["stop_reason"] = report.StopReason,
        ["detected"] = report.Detected,
        ["attached"] = report.Attached,
        ["crashes"] = new JsonArray([.. report.Crashes.Select(c => (JsonNode)new JsonObject
        {
            ["task"] = c.TaskId,
            ["signature"] = c.Signature,
            ["title"] = c.Title,
            ["result"] = EventJson.WireName(c.Result),
            ["ticket"] = c.Ticket,
            ["commit"] = c.Commit,
            ["seconds"] = Math.Round(c.Duration.TotalSeconds, 3),
            ["problem"] = c.Problem,
            ["steps"] = new JsonArray([.. c.Steps.Select(s => (JsonNode)new JsonObject
            {
                ["step"] = s.Step,
                ["agent"] = s.Agent,
                ["outcome"] = EventJson.WireName(s.Outcome),
                ["seconds"] = Math.Round(s.Duration.TotalSeconds, 3),
                ["summary"] = s.Summary,
            })]),
        })]),
    }.ToJsonString(_indented);

    private static string Mark(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Ok => ":",
        StepOutcome.Skipped => "(skipped):",
        _ => "(FAILED):",
    };
}
