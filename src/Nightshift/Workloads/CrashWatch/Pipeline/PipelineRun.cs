using System.Diagnostics;
using System.Text.Json.Nodes;
using Nightshift.Agents;
using Nightshift.Attempts.Episodes;
using Nightshift.Telemetry;
using Nightshift.Verification;
using Nightshift.Workloads.CrashWatch.Deploy;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>
/// One crash's way through the pipeline: what each step made (workspace, release, verdict, commit) and every step's record.
/// Each step is journaled when it starts and when it ends, with its duration and outcome, so that a person (or resume) can
/// tell "not started", "in flight" and "done" apart.
/// </summary>
internal sealed class PipelineRun(CrashJob job, SessionTelemetry telemetry)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<StepRecord> _steps = [];

    public CrashJob Job { get; } = job;

    public IReadOnlyList<StepRecord> Steps => _steps;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The rung of <c>agent.ladder</c> whose attempt is under way; null before the first and once one is accepted.</summary>
    public LadderRung? Rung { get; set; }

    public long? AttemptId { get; set; }

    public Workspace? Workspace { get; set; }

    public AgentTask? Task { get; set; }

    /// <summary>The crash's own files as the attempt started from them, for its episode.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; set; } = new Dictionary<string, string>();

    /// <summary>The agent's transcript as its episode keeps it.</summary>
    public EpisodeTranscript Memory { get; private set; } = new();

    public int AgentSteps { get; set; }

    public TestSuiteResult? TestsBefore { get; set; }

    public TestSuiteResult? TestsAfter { get; set; }

    public Release? Release { get; set; }

    public string? BuildProblem { get; set; }

    public string Build { get; set; } = "not run";

    public string? Patch { get; set; }

    public CrashVerdict? Verdict { get; set; }

    /// <summary>Set once the attempt is rejected or landed in the journal: it is then no longer abandoned when the run ends.</summary>
    public bool Decided { get; set; }

    public string? Ticket { get; set; }

    public string? Commit { get; set; }

    public bool Deployed { get; set; }

    /// <summary>The rung's attempt was rejected: forgets what it made (the caller disposes the worktree and release) for the next rung.</summary>
    public void ClearAttempt()
    {
        (AttemptId, Workspace, Task, Release, Patch, Verdict, Decided) = (null, null, null, null, null, null, false);
        (TestsAfter, BuildProblem, Build, AgentSteps, Memory) = (null, null, "not run", 0, new EpisodeTranscript());
        Sources = new Dictionary<string, string>();
    }

    /// <summary>Runs a step: journals its start, runs <paramref name="body"/>, journals its end with duration and outcome.</summary>
    /// <remarks>A <see cref="NightshiftException"/> ends the step as failed with its message; cancellation is journaled and rethrown.</remarks>
    public async Task<StepEnd> StepAsync(string step, Func<Task<StepEnd>> body, CancellationToken cancellationToken)
    {
        await telemetry.EventAsync(CrashEvents.StepStarted, Payload(step), AttemptId, cancellationToken).ConfigureAwait(false);
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
        _steps.Add(new StepRecord(step, end.Outcome, duration, end.Summary, Rung?.Name));
        var payload = Payload(step);
        payload["outcome"] = end.Outcome.ToString().ToLowerInvariant();
        payload["duration_ms"] = Math.Round(duration.TotalMilliseconds, 1);
        payload["summary"] = end.Summary;
        foreach (var (name, value) in end.Detail ?? [])
        {
            payload[name] = value?.DeepClone();
        }

        await telemetry.EventAsync(CrashEvents.StepFinished, payload, AttemptId, cancellationToken).ConfigureAwait(false);
    }

    private JsonObject Payload(string step)
    {
        var payload = new JsonObject { ["task"] = Job.TaskId, ["signature"] = Job.Signature, ["step"] = step };
        if (Rung is { } rung)
        {
            payload["agent"] = rung.Name;
        }

        return payload;
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
