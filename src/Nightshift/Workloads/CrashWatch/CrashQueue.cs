using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Nightshift.Diagnostics.Crashes;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Workloads.CrashWatch.Analysis;
using Nightshift.Workloads.CrashWatch.Pipeline;
using Nightshift.Workloads.CrashWatch.Watching;

namespace Nightshift.Workloads.CrashWatch;

/// <summary>
/// Turns taken crash reports into queued jobs, one pipeline at a time. Each crash is journaled before anything else: a task
/// of kind <c>crash</c> keyed by its signature, and a <see cref="CrashDetected"/> event with the detection latency.
/// The same signature again while its fix is queued or in flight is attached to it (an event, no second job); a crash whose
/// fix is done comes back as a new job, up to <see cref="CrashWatchOptions.MaxAttemptsPerCrash"/> per session.
/// </summary>
internal sealed class CrashQueue(Journal journal, SessionTelemetry telemetry, long sessionId, string reportsDirectory, OwnCode ownCode, int maxAttempts)
{
    private readonly Channel<CrashJob> _jobs = Channel.CreateUnbounded<CrashJob>();
    private readonly Dictionary<string, long> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _attempts = [];
    private readonly Lock _gate = new();
    private int _saved;

    public int Detected { get; private set; }

    public int Attached { get; private set; }

    /// <summary>The watcher's handler: false when the text is not a crash report (the file is then tried again once it changes).</summary>
    public async Task<bool> OfferAsync(CrashFile file, CancellationToken cancellationToken)
    {
        if (CrashAnalysis.Of(file.Text, ownCode) is not { } analysis)
        {
            await telemetry.EventAsync(new CrashUnrecognized(file.Path, file.Offset, file.Length - file.Offset), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return false;
        }

        var report = Save(file);
        var payload = new JsonObject
        {
            ["file"] = file.Path,
            ["offset"] = file.Offset,
            ["report"] = report,
            ["format"] = analysis.Crash.Format,
            ["kind"] = analysis.Crash.Kind,
            ["message"] = analysis.Crash.Message,
        };
        var task = await journal.EnsureTaskAsync(
            sessionId, new NewTask(CrashTasks.Kind, analysis.Signature.Value, analysis.Title, payload.ToJsonString()), cancellationToken).ConfigureAwait(false);
        var latency = DateTimeOffset.UtcNow - file.CompletedAt;
        var disposition = Decide(task);
        var signature = analysis.Signature.Value;
        var crash = analysis.Crash;
        await telemetry.EventAsync(
            new CrashDetected(
                file.Path, file.Offset, report, crash.Format, crash.Kind, crash.Message, task.Id, signature, disposition, Math.Round(latency.TotalMilliseconds, 2)),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        Detected++;
        switch (disposition)
        {
            case CrashDisposition.Attached:
                Attached++;
                await telemetry.EventAsync(new CrashAttached(task.Id, signature, report), cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case CrashDisposition.Requeued or CrashDisposition.NotRetried:
                await telemetry.EventAsync(new CrashRecurred(task.Id, signature, report, disposition == CrashDisposition.Requeued), cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                break;
        }

        if (disposition is CrashDisposition.Queued or CrashDisposition.Requeued)
        {
            if (task.State != TaskState.Open)
            {
                await journal.SetTaskStateAsync(task.Id, TaskState.Open, cancellationToken).ConfigureAwait(false);
            }

            _jobs.Writer.TryWrite(new CrashJob(task.Id, analysis, report, file.Path));
        }

        return true;
    }

    /// <summary>Queues a crash journaled by an earlier session and never finished (resume).</summary>
    public async Task ResumeAsync(TaskRow earlier, CancellationToken cancellationToken)
    {
        var payload = earlier.PayloadJson is { } json ? JsonNode.Parse(json)?.AsObject() : null;
        if (payload?["report"]?.GetValue<string>() is not { } report || !File.Exists(report)
            || CrashAnalysis.Of(await File.ReadAllTextAsync(report, cancellationToken).ConfigureAwait(false), ownCode) is not { } analysis)
        {
            return;
        }

        var task = await journal.EnsureTaskAsync(sessionId, new NewTask(CrashTasks.Kind, earlier.Key, earlier.Title, earlier.PayloadJson), cancellationToken)
            .ConfigureAwait(false);
        if (Decide(task) == CrashDisposition.Queued)
        {
            await telemetry.EventAsync(new CrashResumed(task.Id, earlier.Id, earlier.Key, report), cancellationToken: cancellationToken).ConfigureAwait(false);
            _jobs.Writer.TryWrite(new CrashJob(task.Id, analysis, report, payload["file"]?.GetValue<string>() ?? report));
        }
    }

    public ValueTask<CrashJob> NextAsync(CancellationToken cancellationToken) => _jobs.Reader.ReadAsync(cancellationToken);

    /// <summary>The job's pipeline ended: the same crash again is now a recurrence, not an attachment.</summary>
    public void Finished(CrashJob job)
    {
        lock (_gate)
        {
            _active.Remove(job.Signature);
        }
    }

    private CrashDisposition Decide(TaskRow task)
    {
        lock (_gate)
        {
            if (_active.ContainsKey(task.Key))
            {
                return CrashDisposition.Attached;
            }

            var attempts = _attempts.GetValueOrDefault(task.Id);
            if (attempts >= maxAttempts)
            {
                return CrashDisposition.NotRetried;
            }

            _active[task.Key] = task.Id;
            _attempts[task.Id] = attempts + 1;
            return task.State == TaskState.Open ? CrashDisposition.Queued : CrashDisposition.Requeued;
        }
    }

    /// <summary>Keeps the report as taken under .nightshift/, so the pipeline and a resume read it even after the original is rotated away.</summary>
    private string Save(CrashFile file)
    {
        Directory.CreateDirectory(reportsDirectory);
        var name = string.Create(CultureInfo.InvariantCulture, $"{file.TakenAt:yyyyMMdd-HHmmss}-{Interlocked.Increment(ref _saved):000}-{Path.GetFileName(file.Path)}");
        var path = Path.Combine(reportsDirectory, name);
        File.WriteAllText(path, file.Text);
        return path;
    }
}
