using System.Text.Json.Nodes;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Tests.Store;
using Nightshift.Verification;

namespace Nightshift.Tests.Reports;

/// <summary>One crash's pipeline as CrashPipeline journals it: each step started and finished with its duration, then crash_done.</summary>
internal sealed class CrashRun(Journal journal, SessionTelemetry telemetry, ManualClock clock, long sessionId, long taskId, string signature)
{
    private static readonly CancellationToken _ct = CancellationToken.None;
    private readonly JsonArray _steps = [];

    public long TaskId => taskId;

    public string Signature => signature;

    public long? Attempt { get; private set; }

    public Task StartAsync(string title, string report) =>
        telemetry.EventAsync(
            CrashEvents.PipelineStarted,
            new JsonObject { ["task"] = taskId, ["signature"] = signature, ["title"] = title, ["report"] = report },
            cancellationToken: _ct);

    public async Task BeginAttemptAsync(string agent) => Attempt = (await journal.BeginAttemptAsync(sessionId, taskId, agent, _ct)).Id;

    public Task StartStepAsync(string step) => telemetry.EventAsync(CrashEvents.StepStarted, Payload(step), Attempt, _ct);

    /// <summary>A step of <paramref name="ms"/> milliseconds; <paramref name="announced"/> false leaves its rung out of crash_step_finished.</summary>
    public async Task StepAsync(string step, string outcome, double ms, string summary, string? rung = null, bool announced = true)
    {
        await StartStepAsync(step);
        clock.Now += TimeSpan.FromMilliseconds(ms);
        var finished = Payload(step);
        finished["outcome"] = outcome;
        finished["duration_ms"] = ms;
        finished["summary"] = summary;
        if (rung is not null && announced)
        {
            finished["agent"] = rung;
        }

        await telemetry.EventAsync(CrashEvents.StepFinished, finished, Attempt, _ct);
        var listed = new JsonObject { ["step"] = step, ["outcome"] = outcome, ["duration_ms"] = ms };
        if (rung is not null)
        {
            listed["agent"] = rung;
        }

        _steps.Add(listed);
    }

    public async Task LandAsync(string ticket, string sha, Verdict verdict, long tokensIn, long tokensOut, decimal cost)
    {
        await FinishAsync(verdict, tokensIn, tokensOut, cost);
        var message = $"{ticket}: Fix crash\n\nNightshift-Attempt: {Attempt}\nVerified: {verdict.Figures.Verified}";
        await journal.RecordCommitAsync(new NewCommit(Attempt!.Value, ticket, sha, CrashJournal.Branch, message), _ct);
    }

    public Task RejectAsync(Verdict verdict, long tokensIn, long tokensOut, decimal cost) => FinishAsync(verdict, tokensIn, tokensOut, cost);

    public Task DoneAsync(string result, double ms, string? ticket, string? commit, string? problem) =>
        telemetry.EventAsync(
            CrashEvents.Done,
            new JsonObject
            {
                ["task"] = taskId,
                ["signature"] = signature,
                ["result"] = result,
                ["ticket"] = ticket,
                ["commit"] = commit,
                ["duration_ms"] = ms,
                ["problem"] = problem,
                ["steps"] = _steps.DeepClone(),
            },
            Attempt,
            _ct);

    private async Task FinishAsync(Verdict verdict, long tokensIn, long tokensOut, decimal cost)
    {
        await journal.FinishAttemptAsync(Attempt!.Value, new AttemptResult("done", tokensIn, tokensOut, cost, "diff", null), _ct);
        await journal.RecordVerdictAsync(Attempt.Value, verdict.IsAccepted, VerdictJson.Serialize(verdict), _ct);
    }

    private JsonObject Payload(string step) => new() { ["task"] = taskId, ["signature"] = signature, ["step"] = step };
}
