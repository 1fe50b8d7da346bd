using System.Diagnostics;
using System.Globalization;
using Nightshift.Agents.Prompts;
using Nightshift.Attempts;
using Nightshift.Clustering;
using Nightshift.Store;
using Nightshift.Verification;

namespace Nightshift.Workloads.BurnDown;

internal sealed partial class NightRun
{
    /// <summary>
    /// One attempt on <paramref name="cluster"/> from <paramref name="basis"/>, run by the shared <see cref="AttemptRunner"/>
    /// in its own worktree, then landed when accepted. The worktree is removed whatever happens.
    /// </summary>
    private async Task<AttemptOutcome> AttemptAsync(
        Cluster cluster, int worker, Measurement basis, CancellationToken stop, CancellationToken abort)
    {
        var key = cluster.Key.ToString();
        var rung = _board.RungFor(key, _options.Ladder);
        var events = new NightAttemptEvents(_telemetry, _options.Progress, cluster, worker, _limits.Spend);
        await using var work = new ClusterAttempt(_workspaces, _measurer, cluster, basis, worker, _config, new StatusTranscript(_telemetry, worker));
        try
        {
            var plan = AttemptPlan.For(_session.Id, new NewTask(ClusterTasks.Kind, key, TitleOf(cluster)), rung, _options.Budget);
            switch (await _attempts.RunAsync(plan, work, events, stop, abort).ConfigureAwait(false))
            {
                case AttemptEnd<Measurement>.Decided { Verdict.IsAccepted: true } accepted:
                    try
                    {
                        var summary = accepted.Agent.SummaryIsOwn ? accepted.Agent.Summary : null;
                        return await LandAsync(accepted.AttemptId, cluster, work.Workspace, summary, accepted.Verdict, accepted.Judgement.Measured, events, abort)
                            .ConfigureAwait(false);
                    }
                    catch (NightshiftException e) when (!e.IsFatal && !abort.IsCancellationRequested)
                    {
                        // The landing's harness failed (git apply, a setup command): the night goes on with the next attempt.
                        return await AbandonVerifiedAsync(accepted.AttemptId, key, e.Message, events).ConfigureAwait(false);
                    }

                case AttemptEnd<Measurement>.Decided rejected:
                    await _telemetry.RefreshAsync(abort).ConfigureAwait(false);
                    return new AttemptOutcome.Rejected(key, rejected.Verdict);
                case AttemptEnd<Measurement>.Abandoned abandoned:
                    return new AttemptOutcome.Abandoned(key, abandoned.Reason);
            }

            throw new UnreachableException("An attempt ends decided or abandoned.");
        }
        finally
        {
            _telemetry.Worker(worker, _ => Telemetry.WorkerStatus.Idle(worker));
        }
    }

    private static string TitleOf(Cluster cluster) =>
        string.Create(CultureInfo.InvariantCulture, $"{ClusterNames.Short(cluster.Key)}: {cluster.Example.Message}");
}
