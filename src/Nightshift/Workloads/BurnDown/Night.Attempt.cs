using System.Globalization;
using Nightshift.Agents;
using Nightshift.Agents.Prompts;
using Nightshift.Agents.Transcripts;
using Nightshift.Attempts.Episodes;
using Nightshift.Clustering;
using Nightshift.Store;
using Nightshift.Verification;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.BurnDown;

public sealed partial class Night
{
    /// <summary>
    /// One attempt on <paramref name="cluster"/> from <paramref name="basis"/>: journaled, run in its own worktree, then
    /// verified against the basis and landed when accepted. The worktree is removed whatever happens.
    /// </summary>
    private async Task<AttemptOutcome> AttemptAsync(
        Cluster cluster, int worker, Measurement basis, CancellationToken stop, CancellationToken abort)
    {
        var key = cluster.Key.ToString();
        var task = await _journal.EnsureTaskAsync(_session.Id, new NewTask(ClusterTasks.Kind, key, TitleOf(cluster)), abort).ConfigureAwait(false);
        var rung = _board.RungFor(key, _options.Ladder);
        var attempt = await _journal.BeginAttemptAsync(_session.Id, task.Id, rung.Name, abort).ConfigureAwait(false);
        _telemetry.Worker(worker, w => w with { Cluster = key, AttemptId = attempt.Id, LastToolCall = null, FilesModified = 0 });
        await EventAsync("attempt.started", new() { ["cluster"] = key, ["count"] = cluster.Count, ["agent"] = rung.Name, ["worker"] = worker }, attempt.Id, abort)
            .ConfigureAwait(false);
        Say($"[{worker}] attempt {attempt.Id}: {ClusterNames.Short(cluster.Key)} ({cluster.Count}) with {rung.Name}");

        Workspace? workspace = null;
        try
        {
            workspace = await _workspaces.CreateAsync(attempt.Id.ToString(CultureInfo.InvariantCulture), basis.Commit, worker - 1, abort)
                .ConfigureAwait(false);
            var agentTask = ClusterTasks.Create($"attempt-{attempt.Id}", cluster, workspace.Path, PolicyWords.Describe(_config.Policy)) with { Key = key };
            var sources = EpisodeSources.Read(workspace.Path, cluster.Files);
            var memory = new EpisodeTranscript();
            AgentResult result;
            string transcriptPath;
            await using (var file = new TranscriptFile(_paths.TranscriptFor($"attempt-{attempt.Id}")))
            {
                transcriptPath = file.Path;
                var request = new AgentRequest(
                    agentTask,
                    workspace.Path,
                    _options.Budget,
                    new WorktreeChecks(_probe, Tests(workspace), workspace.Path),
                    new CompositeTranscript(file, memory, new StatusTranscript(_telemetry, worker)));
                result = await rung.RunOnceAsync(request, stop).ConfigureAwait(false);
            }

            // From here the attempt is decided, even when a stop was asked for meanwhile: only abort cuts a verdict short.
            var change = await workspace.CaptureAsync(abort).ConfigureAwait(false);
            if (result.EndpointOutage && change.IsEmpty)
            {
                // Not the cluster's fault: the attempt is abandoned, and the loop pauses until the endpoint answers, then retries it.
                var why = $"the model endpoint was unavailable: {result.Error}";
                await _journal.AbandonAttemptAsync(attempt.Id, why, abort).ConfigureAwait(false);
                await EventAsync("attempt.abandoned", new() { ["reason"] = "endpoint_unavailable", ["error"] = result.Error }, attempt.Id, abort)
                    .ConfigureAwait(false);
                Say($"[{worker}] attempt {attempt.Id} abandoned: {why}");
                return new AttemptOutcome.Abandoned(key, why);
            }

            _telemetry.Worker(worker, w => w with { LastToolCall = "verifying", FilesModified = change.ChangedPaths.Count });
            await _journal.FinishAttemptAsync(
                attempt.Id,
                new AttemptResult(result.StopReason.WireName(), result.Usage.TokensIn, result.Usage.TokensOut, result.Usage.CostUsd ?? 0,
                    change.IsEmpty ? null : change.Patch, transcriptPath),
                abort).ConfigureAwait(false);
            _costUsd += result.Usage.CostUsd ?? 0;
            await EventAsync("verdict.started", new() { ["files_changed"] = change.ChangedPaths.Count, ["agent_stop"] = result.StopReason.WireName() }, attempt.Id, abort)
                .ConfigureAwait(false);

            var after = change.IsEmpty ? basis : await MeasureAsync(workspace, basis.Commit, abort).ConfigureAwait(false);
            var verdict = Verifier.Decide(new VerdictInput(cluster.Key, basis.Snapshot, after.Snapshot, basis.Tests, after.Tests, change.Patch, _config.Policy));
            var episode = new EpisodeContent(
                EpisodeTask.From(agentTask, key, sources),
                verdict.IsAccepted ? EpisodeOutcome.Accepted : EpisodeOutcome.Rejected,
                _config.Agent.Model,
                [.. cluster.Diagnostics.Select(EpisodeDiagnostic.From)],
                [.. after.Snapshot.Diagnostics.Where(d => ClusterKey.Of(d) == cluster.Key).Select(EpisodeDiagnostic.From)],
                memory.Entries,
                result.Steps);
            await _journal.InTransactionAsync(
                async _ =>
                {
                    await _journal.RecordVerdictAsync(attempt.Id, verdict.IsAccepted, VerdictJson.Serialize(verdict), abort).ConfigureAwait(false);
                    await new EpisodeJournal(_journal).RecordAsync(attempt.Id, Workload, episode, abort).ConfigureAwait(false);
                },
                abort).ConfigureAwait(false);
            await EventAsync("verdict", new() { ["accepted"] = verdict.IsAccepted, ["summary"] = verdict.Summary }, attempt.Id, abort).ConfigureAwait(false);
            Say($"[{worker}] attempt {attempt.Id}: {verdict.Summary}");
            if (!verdict.IsAccepted)
            {
                await _telemetry.RefreshAsync(abort).ConfigureAwait(false);
                return new AttemptOutcome.Rejected(key, verdict);
            }

            return await LandAsync(attempt.Id, cluster, workspace, verdict, after, abort).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
            await _journal.AbandonAttemptAsync(attempt.Id, "interrupted while the agent worked", CancellationToken.None).ConfigureAwait(false);
            await EventAsync("attempt.abandoned", new() { ["reason"] = "interrupted" }, attempt.Id, CancellationToken.None).ConfigureAwait(false);
            return new AttemptOutcome.Abandoned(key, "interrupted");
        }
        catch (NightshiftException e) when (!e.IsFatal && !abort.IsCancellationRequested)
        {
            // This attempt's harness failed (a setup command, git apply): the night goes on with the next one.
            await AbandonQuietlyAsync(attempt.Id, e.Message).ConfigureAwait(false);
            await EventAsync("attempt.abandoned", new() { ["reason"] = e.Message }, attempt.Id, CancellationToken.None).ConfigureAwait(false);
            Say($"[{worker}] attempt {attempt.Id} abandoned: {e.Message}");
            return new AttemptOutcome.Abandoned(key, e.Message);
        }
        finally
        {
            if (workspace is not null)
            {
                await workspace.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
            }

            _telemetry.Worker(worker, _ => Telemetry.WorkerStatus.Idle(worker));
        }
    }

    // The probe and the tests of a worktree holding an attempt's change.
    private async Task<Measurement> MeasureAsync(Workspace workspace, string basisCommit, CancellationToken cancellationToken)
    {
        var snapshot = await _probe.RunAsync(workspace.Path, Probing.ProbeOptions.Default, null, cancellationToken).ConfigureAwait(false);
        var tests = Tests(workspace) is { } runner ? await runner.RunAsync(workspace.Path, runs: 1, cancellationToken).ConfigureAwait(false) : null;
        return new Measurement(basisCommit, snapshot, tests);
    }

    private async Task AbandonQuietlyAsync(long attemptId, string reason)
    {
        try
        {
            await _journal.AbandonAttemptAsync(attemptId, reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already decided (e.g. verified, then the landing failed): the journal keeps the decision.
        }
    }

    private static string TitleOf(Cluster cluster) =>
        string.Create(CultureInfo.InvariantCulture, $"{ClusterNames.Short(cluster.Key)}: {cluster.Example.Message}");
}
