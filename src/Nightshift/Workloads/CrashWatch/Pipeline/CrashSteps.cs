using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>
/// The steps of one crash's way through the pipeline, each journaled when it starts and when it ends, with its duration and
/// outcome, so that a person (or resume) can tell "not started", "in flight" and "done" apart. Steps of an attempt carry
/// its id and the rung of the ladder that made it.
/// </summary>
internal sealed class CrashSteps(CrashJob job, SessionTelemetry telemetry)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<StepRecord> _steps = [];
    private (string? Rung, long? Attempt) _attempt;

    public IReadOnlyList<StepRecord> All => _steps;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The attempt under way, whose steps follow; null once it is over.</summary>
    public long? AttemptId => _attempt.Attempt;

    /// <summary>The steps that follow belong to <paramref name="attemptId"/> by <paramref name="rung"/>; (null, null) for the steps after the attempts.</summary>
    public void Attempt(string? rung, long? attemptId) => _attempt = (rung, attemptId);

    /// <summary>Runs a step: journals its start, runs <paramref name="body"/>, journals its end with duration and outcome.</summary>
    /// <remarks>A <see cref="NightshiftException"/> ends the step as failed with its message; cancellation is journaled and rethrown.</remarks>
    public async Task<StepEnd> StepAsync(string step, Func<Task<StepEnd>> body, CancellationToken cancellationToken)
    {
        await telemetry.EventAsync(new CrashStepStarted(job.TaskId, job.Signature, step, _attempt.Rung), _attempt.Attempt, cancellationToken)
            .ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        StepEnd end;
        try
        {
            end = await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(step, StepEnd.Failed("interrupted"), clock.Elapsed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (NightshiftException e)
        {
            end = StepEnd.Failed(e.Message);
        }

        await FinishAsync(step, end, clock.Elapsed, cancellationToken).ConfigureAwait(false);
        return end;
    }

    private async Task FinishAsync(string step, StepEnd end, TimeSpan duration, CancellationToken cancellationToken)
    {
        _steps.Add(new StepRecord(step, end.Outcome, duration, end.Summary, _attempt.Rung));
        var finished = new CrashStepFinished(job.TaskId, job.Signature, step, _attempt.Rung, end.Outcome, Math.Round(duration.TotalMilliseconds, 1), end.Summary)
        {
            Detail = end.Detail?.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)),
        };
        await telemetry.EventAsync(finished, _attempt.Attempt, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>How a step ended: its outcome, one line for people, and details for the journal.</summary>
internal sealed record StepEnd(StepOutcome Outcome, string Summary, JsonObject? Detail = null)
{
    public bool Ok => Outcome != StepOutcome.Failed;

    public static StepEnd Done(string summary, JsonObject? detail = null) => new(StepOutcome.Ok, summary, detail);

    public static StepEnd Failed(string summary, JsonObject? detail = null) => new(StepOutcome.Failed, summary, detail);

    public static StepEnd Skipped(string summary) => new(StepOutcome.Skipped, summary);
}
