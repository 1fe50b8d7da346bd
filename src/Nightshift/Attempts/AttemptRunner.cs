using System.Diagnostics;
using Nightshift.Agents;
using Nightshift.Agents.Transcripts;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Verification;

namespace Nightshift.Attempts;

/// <summary>
/// Runs attempts, the same way for every workload: journal the attempt → the workload opens its workspace and writes the
/// task → the agent works (its transcript to a file, the episode and the observer) → the change is captured and journaled
/// with the agent's usage → the workload measures it and the verifier decides → verdict and episode are journaled in one
/// transaction. What happens after an accepted verdict (land, land and deploy, count) is the workload's.
/// </summary>
/// <remarks>
/// Two tokens: <c>stop</c> ends the agent's work (the attempt is abandoned); <c>abort</c> cuts everything short. Once the
/// agent has ended, only abort stops the attempt: a change is always decided. An attempt that cannot be decided is
/// journaled as abandoned with why, never left "started".
/// </remarks>
/// <param name="journal">Where the attempt, its verdict and episode are journaled.</param>
/// <param name="workload">The journal's name of the workload, on every episode.</param>
/// <param name="paths">The repository's .nightshift/ layout (transcripts); null to keep no transcript file.</param>
/// <param name="model">The model the agents run, for the episodes (unless the agent names another: a route's); null when not known.</param>
public sealed class AttemptRunner(Journal journal, string workload, NightshiftPaths? paths, string? model)
{
    private readonly EpisodeJournal _episodes = new(journal);

    /// <summary>Runs one attempt of <paramref name="plan"/> with <paramref name="work"/> (which the caller disposes).</summary>
    public async Task<AttemptEnd<TMeasured>> RunAsync<TMeasured>(
        AttemptPlan plan, IAttemptWork<TMeasured> work, IAttemptObserver? observer, CancellationToken stop, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(work);
        var task = await journal.EnsureTaskAsync(plan.SessionId, plan.Task, abort).ConfigureAwait(false);
        var attempt = (await journal.BeginAttemptAsync(plan.SessionId, task.Id, plan.Agent, abort).ConfigureAwait(false)).Id;
        var clock = Stopwatch.StartNew();
        try
        {
            if (observer is not null)
            {
                await observer.StartedAsync(attempt, plan, abort).ConfigureAwait(false);
            }

            var setup = await work.PrepareAsync(attempt, abort).ConfigureAwait(false);
            var prepared = clock.Elapsed;
            var (result, transcriptPath, memory) = await RunAgentAsync(attempt, plan, setup, stop).ConfigureAwait(false);
            var agentEnded = clock.Elapsed;

            // From here the attempt is decided, even when a stop was asked for meanwhile: only abort cuts a verdict short.
            var change = await work.CaptureAsync(abort).ConfigureAwait(false);
            var captured = clock.Elapsed;
            if (result.EndpointOutage && change.IsEmpty)
            {
                return await AbandonAsync<TMeasured>(attempt, $"the model endpoint was unavailable: {result.Error}", result.Error, observer, null, endpointOutage: true)
                    .ConfigureAwait(false);
            }

            await journal.FinishAttemptAsync(
                attempt,
                new AttemptResult(result.StopReason.WireName(), result.Usage.TokensIn, result.Usage.TokensOut, result.Usage.CostUsd ?? 0,
                    change.IsEmpty ? null : change.Patch, transcriptPath),
                abort).ConfigureAwait(false);
            if (observer is not null)
            {
                await observer.AgentFinishedAsync(attempt, result, change, abort).ConfigureAwait(false);
            }

            var judging = clock.Elapsed;
            var judgement = await work.JudgeAsync(change, result.Error ?? result.Summary ?? result.StopReason.WireName(), abort).ConfigureAwait(false);
            var judged = clock.Elapsed;
            var episode = new EpisodeContent(
                EpisodeTask.From(setup.Task, plan.Task.Key, setup.Sources),
                judgement.Verdict.IsAccepted ? EpisodeOutcome.Accepted : EpisodeOutcome.Rejected,
                result.Model ?? model,
                setup.DiagnosticsBefore,
                judgement.DiagnosticsAfter,
                memory.Entries,
                result.Steps);
            await journal.InTransactionAsync(
                async _ =>
                {
                    await journal.RecordVerdictAsync(attempt, judgement.Verdict.IsAccepted, VerdictJson.Serialize(judgement.Verdict), abort).ConfigureAwait(false);
                    await _episodes.RecordAsync(attempt, workload, episode, abort).ConfigureAwait(false);
                },
                abort).ConfigureAwait(false);
            if (observer is not null)
            {
                var timings = new AttemptTimings(prepared, agentEnded - prepared, captured - agentEnded, judged - judging, judgement.Measuring, clock.Elapsed);
                await observer.DecidedAsync(attempt, judgement.Verdict, timings, abort).ConfigureAwait(false);
            }

            return new AttemptEnd<TMeasured>.Decided(attempt, result, change, judgement);
        }
        catch (OperationCanceledException e) when (!abort.IsCancellationRequested)
        {
            return await AbandonAsync<TMeasured>(attempt, "interrupted", null, observer, e).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Aborted: the journal says "abandoned" now rather than leave a resume to find the attempt started.
            await journal.AbandonAttemptAsync(attempt, "interrupted", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (NightshiftException e) when (!e.IsFatal)
        {
            // This attempt's harness failed (a setup command, git apply, a missing compiler): the workload decides what next.
            return await AbandonAsync<TMeasured>(attempt, e.Message, null, observer, e).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else (the disk, a fatal error, a bug) ends the workload, but never leaves the attempt "started".
            await AbandonUnexpectedAsync(attempt, e).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Journals an attempt that was decided and then could not be landed (conflicts, the branch moved on) as abandoned.</summary>
    public async Task AbandonDecidedAsync(long attemptId, string reason, IAttemptObserver? observer)
    {
        try
        {
            await journal.AbandonAttemptAsync(attemptId, reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already decided and kept so (a rejection): the journal keeps the decision.
        }

        if (observer is not null)
        {
            await observer.AbandonedAsync(attemptId, reason, endpointOutage: false, null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task AbandonUnexpectedAsync(long attempt, Exception cause)
    {
        try
        {
            await AbandonDecidedAsync(attempt, $"the harness failed: {cause.GetType().Name}: {cause.Message}", observer: null).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The journal failing too must not hide why the attempt ended: the caller gets the first failure.
        }
    }

    private async Task<(AgentResult Result, string? TranscriptPath, EpisodeTranscript Memory)> RunAgentAsync(
        long attempt, AttemptPlan plan, AttemptSetup setup, CancellationToken stop)
    {
        var memory = new EpisodeTranscript();
        var file = paths is null ? null : new TranscriptFile(paths.TranscriptFor($"attempt-{attempt}"));
        await using (file)
        {
            ITranscript[] readers = [.. new ITranscript?[] { file, memory, setup.Transcript }.OfType<ITranscript>()];
            var request = new AgentRequest(setup.Task, setup.Workspace, plan.Budget, setup.Checks, new CompositeTranscript(readers));
            var result = await plan.RunAgent(request, stop).ConfigureAwait(false);
            return (result, file?.Path, memory);
        }
    }

    private async Task<AttemptEnd<TMeasured>> AbandonAsync<TMeasured>(
        long attempt, string reason, string? error, IAttemptObserver? observer, Exception? cause, bool endpointOutage = false)
    {
        await AbandonDecidedAsync(attempt, reason, observer: null).ConfigureAwait(false);
        if (observer is not null)
        {
            await observer.AbandonedAsync(attempt, reason, endpointOutage, error, CancellationToken.None).ConfigureAwait(false);
        }

        return new AttemptEnd<TMeasured>.Abandoned(attempt, reason, endpointOutage, cause);
    }
}
