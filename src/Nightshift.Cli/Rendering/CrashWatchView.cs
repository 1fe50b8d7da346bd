using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Telemetry;
using Nightshift.Workloads.CrashWatch;
using Nightshift.Workloads.CrashWatch.Pipeline;
using Spectre.Console;

namespace Nightshift.Cli.Rendering;

/// <summary>What <c>nightshift crash-watch</c> prints: a line per step on stderr as it goes, every crash with its steps on stdout at the end.</summary>
internal static class CrashWatchView
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The stderr line for a journaled event, or null for one not worth a line (unless verbose).</summary>
    public static string? Line(TelemetryEvent e, bool verbose)
    {
        var p = e.Payload;
        string? Text(string name) => p?[name] is JsonValue value ? value.ToString() : null;
        var text = e.Kind switch
        {
            CrashEvents.Detected => $"crash {Text("disposition")}: {Text("signature")} (taken {Text("latency_ms")} ms after its last write)",
            CrashEvents.Attached => $"  attached to the fix in flight (task {Text("task")})",
            CrashEvents.Recurred => $"crash came back: {Text("signature")}",
            CrashEvents.StepFinished => $"  {Text("step"),-8} {Text("outcome"),-7} {Text("duration_ms")} ms  {(Text("agent") is { } agent ? $"[{agent}] " : "")}{Text("summary")}",
            CrashEvents.Done => $"done: {Text("result")} {Text("ticket")} ({Text("duration_ms")} ms)",
            "service_started" => $"  service started from {Text("release")} (pid {Text("pid")})",
            "service_health" => $"  health: {(Text("healthy") == "true" ? "ok" : Text("problem"))} after {Text("waited_ms")} ms",
            "service_stopped" => $"  service stopped (pid {Text("pid")}{(Text("killed_after_grace") == "true" ? ", killed after the grace period" : "")})",
            TelemetryEvent.AlertKind => $"ALERT {Text("severity")?.ToLowerInvariant()} {Text("kind")}: {Text("message")}",
            _ => verbose ? $"{e.Kind} {EventText.Describe(e)}" : null,
        };
        return text is null ? null : $"{e.At.ToLocalTime():HH:mm:ss} {text}";
    }

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
            table.AddRow(Markup.Escape(crash.Title), crash.Result.ToString().ToLowerInvariant(), crash.Ticket ?? "-", Markup.Escape(steps));
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
            ["result"] = c.Result.ToString().ToLowerInvariant(),
            ["ticket"] = c.Ticket,
            ["commit"] = c.Commit,
            ["seconds"] = Math.Round(c.Duration.TotalSeconds, 3),
            ["problem"] = c.Problem,
            ["steps"] = new JsonArray([.. c.Steps.Select(s => (JsonNode)new JsonObject
            {
                ["step"] = s.Step,
                ["agent"] = s.Agent,
                ["outcome"] = s.Outcome.ToString().ToLowerInvariant(),
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
