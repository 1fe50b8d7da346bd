using System.Text.Json.Nodes;
using Nightshift.Telemetry;

namespace Nightshift.Reports;

/// <summary>
/// Gathers one crash task's events, oldest first, into a <see cref="CrashEntry"/>. A run is what lies between a
/// <c>crash_pipeline_started</c> and its <c>crash_done</c>; with the agent ladder its steps may repeat, so none is assumed.
/// </summary>
internal sealed class CrashTrail(long taskId)
{
    private readonly HashSet<string> _reports = new(StringComparer.Ordinal);
    private readonly List<CrashStep> _steps = [];
    private readonly List<CrashStep> _run = [];
    private string? _signature;
    private string? _title;
    private string? _format;
    private string? _kind;
    private DateTimeOffset? _detectedAt;
    private TimeSpan? _latency;
    private int _unnamedReports;
    private int _runs;
    private bool _owed;
    private bool _running;
    private JsonObject? _done;
    private TimeSpan _finished;

    public long TaskId => taskId;

    public void Add(string kind, DateTimeOffset at, JsonObject payload)
    {
        _signature ??= String(payload, "signature");
        switch (kind)
        {
            case CrashEvents.Detected:
                Sighting(at, payload);
                _format ??= String(payload, "format");
                _kind ??= String(payload, "kind");
                _latency ??= Milliseconds(payload, "latency_ms");
                _owed |= String(payload, "disposition") is "queued" or "requeued";
                break;
            case CrashEvents.Attached or CrashEvents.Recurred:
                Sighting(at, payload);
                break;
            case CrashEvents.PipelineStarted:
                EndRun();
                (_runs, _running, _owed) = (_runs + 1, true, false);
                _title = String(payload, "title") ?? _title;
                break;
            case CrashEvents.StepFinished:
                _running = true;
                _run.Add(Step(payload, String(payload, "summary")));
                break;
            case CrashEvents.Done:
                Done(payload);
                break;
            case CrashEvents.Resumed:
                // A crash an earlier session journaled is owed a run in this one.
                Sighting(at, payload);
                _owed = true;
                break;
        }
    }

    public CrashEntry ToEntry(string? taskTitle, bool sessionRunning)
    {
        // Steps journaled since the last crash_done belong to a run that has not ended (yet).
        var unfinished = _run.Count == 0 ? (TimeSpan?)null : _run.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);
        var result = _running ? (sessionRunning ? CrashResults.InFlight : CrashResults.Interrupted)
            : _owed || _done is null ? (sessionRunning ? CrashResults.Queued : CrashResults.Interrupted)
            : String(_done, "result") ?? CrashResults.Failed;
        var duration = _done is null && unfinished is null ? (TimeSpan?)null : _finished + (unfinished ?? TimeSpan.Zero);
        return new CrashEntry(
            taskId, _signature ?? "", _title ?? taskTitle ?? _signature ?? "", _format, _kind, _detectedAt, _latency,
            _reports.Count + _unnamedReports, _runs, result, String(_done, "ticket"), String(_done, "commit"), String(_done, "problem"),
            duration, [.. _steps, .. _run]);
    }

    private void Sighting(DateTimeOffset at, JsonObject payload)
    {
        _detectedAt ??= at;

        // One report stands behind a crash_detected and the crash_attached or crash_recurred that follows it: count it once.
        if (String(payload, "report") is { } report)
        {
            _reports.Add(report);
        }
        else
        {
            _unnamedReports++;
        }
    }

    private void Done(JsonObject payload)
    {
        _done = payload;
        _finished += Milliseconds(payload, "duration_ms") ?? TimeSpan.Zero;
        var listed = payload["steps"] is JsonArray steps ? [.. steps.OfType<JsonObject>().Select(s => Step(s, summary: null))] : new List<CrashStep>();
        if (_run.Count == 0)
        {
            _run.AddRange(listed);
        }
        else if (listed.Count == _run.Count)
        {
            // The same steps in the same order: crash_done may name a rung that crash_step_finished did not.
            for (var i = 0; i < _run.Count; i++)
            {
                _run[i] = _run[i] with { Agent = _run[i].Agent ?? listed[i].Agent };
            }
        }

        EndRun();
    }

    private void EndRun()
    {
        _steps.AddRange(_run);
        _run.Clear();
        _running = false;
    }

    private static CrashStep Step(JsonObject payload, string? summary) => new(
        String(payload, "step") ?? "?",
        String(payload, "agent"),
        String(payload, "outcome") ?? "?",
        Milliseconds(payload, "duration_ms") ?? TimeSpan.Zero,
        summary);

    public static long? Long(JsonObject payload, string name) =>
        payload[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    private static string? String(JsonObject? payload, string name) =>
        payload?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static TimeSpan? Milliseconds(JsonObject payload, string name) =>
        payload[name] is JsonValue value && value.TryGetValue<double>(out var ms) ? TimeSpan.FromMilliseconds(ms) : null;
}
