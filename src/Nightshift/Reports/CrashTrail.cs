using Nightshift.Telemetry.Events;

namespace Nightshift.Reports;

/// <summary>
/// Gathers one crash task's events, oldest first, into a <see cref="CrashEntry"/>. A run is what lies between a
/// <c>crash.pipeline_started</c> and its <c>crash.done</c>; with the agent ladder its steps may repeat, so none is assumed.
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
    private CrashDone? _done;
    private TimeSpan _finished;

    public long TaskId => taskId;

    public void Add(ICrashEvent crashEvent, DateTimeOffset at)
    {
        _signature ??= crashEvent.Signature;
        switch (crashEvent)
        {
            case CrashDetected detected:
                Sighting(at, detected.Report);
                _format ??= detected.Format;
                _kind ??= detected.Kind;
                _latency ??= TimeSpan.FromMilliseconds(detected.LatencyMs);
                _owed |= detected.Disposition is CrashDisposition.Queued or CrashDisposition.Requeued;
                break;
            case CrashAttached attached:
                Sighting(at, attached.Report);
                break;
            case CrashRecurred recurred:
                Sighting(at, recurred.Report);
                break;
            case CrashPipelineStarted started:
                EndRun();
                (_runs, _running, _owed) = (_runs + 1, true, false);
                _title = started.Title ?? _title;
                break;
            case CrashStepFinished finished:
                _running = true;
                _run.Add(Step(finished.Step, finished.Agent, finished.Outcome, finished.DurationMs, finished.Summary));
                break;
            case CrashDone done:
                Done(done);
                break;
            case CrashResumed resumed:
                // A crash an earlier session journaled is owed a run in this one.
                Sighting(at, resumed.Report);
                _owed = true;
                break;
        }
    }

    public CrashEntry ToEntry(string? taskTitle, bool sessionRunning)
    {
        // Steps journaled since the last crash.done belong to a run that has not ended (yet).
        var unfinished = _run.Count == 0 ? (TimeSpan?)null : _run.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);
        var result = _running ? (sessionRunning ? CrashResults.InFlight : CrashResults.Interrupted)
            : _owed || _done is null ? (sessionRunning ? CrashResults.Queued : CrashResults.Interrupted)
            : EventJson.WireName(_done.Result);
        var duration = _done is null && unfinished is null ? (TimeSpan?)null : _finished + (unfinished ?? TimeSpan.Zero);
        return new CrashEntry(
            taskId, _signature ?? "", _title ?? taskTitle ?? _signature ?? "", _format, _kind, _detectedAt, _latency,
            _reports.Count + _unnamedReports, _runs, result, _done?.Ticket, _done?.Commit, _done?.Problem,
            duration, [.. _steps, .. _run]);
    }

    private void Sighting(DateTimeOffset at, string? report)
    {
        _detectedAt ??= at;

        // One report stands behind a crash.detected and the crash.attached or crash.recurred that follows it: count it once.
        if (report is not null)
        {
            _reports.Add(report);
        }
        else
        {
            _unnamedReports++;
        }
    }

    private void Done(CrashDone done)
    {
        _done = done;
        _finished += TimeSpan.FromMilliseconds(done.DurationMs);
        List<CrashStep> listed = [.. (done.Steps ?? []).Select(s => Step(s.Step, s.Agent, s.Outcome, s.DurationMs, summary: null))];
        if (_run.Count == 0)
        {
            _run.AddRange(listed);
        }
        else if (listed.Count == _run.Count)
        {
            // The same steps in the same order: crash.done may name a rung that crash.step_finished did not.
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

    private static CrashStep Step(string? step, string? agent, StepOutcome outcome, double durationMs, string? summary) =>
        new(step ?? "?", agent, EventJson.WireName(outcome), TimeSpan.FromMilliseconds(durationMs), summary);
}
