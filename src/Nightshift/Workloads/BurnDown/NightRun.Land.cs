using Nightshift.Attempts;
using Nightshift.Clustering;
using Nightshift.Landing;
using Nightshift.Store;
using Nightshift.Telemetry.Events;
using Nightshift.Verification;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.BurnDown;

internal sealed partial class NightRun
{
    /// <summary>
    /// Lands an accepted attempt. One landing at a time: when another worker moved the branch meanwhile, the change is
    /// replayed on the new tip and verified again against the tip's measurement before it may land.
    /// </summary>
    private async Task<AttemptOutcome> LandAsync(
        long attemptId, Cluster cluster, Workspace workspace, string? agentSummary, Verdict verdict, Measurement after, NightAttemptEvents events,
        CancellationToken abort)
    {
        var key = cluster.Key.ToString();
        await _landing.WaitAsync(abort).ConfigureAwait(false);
        try
        {
            var current = workspace;
            try
            {
                while (true)
                {
                    var request = new LandingRequest(
                        _session.Id, attemptId, _branch.Name, current, agentSummary, Outcome(verdict), verdict.Figures.Verified);
                    switch (await _lander.LandAsync(request, abort).ConfigureAwait(false))
                    {
                        case LandingResult.Landed landed:
                            // Measured once, the fix's test run is the new tip's "before": what the baseline found flaky stays so.
                            _tip = after with { Commit = landed.Sha, Tests = after.Tests?.KeepingQuarantineOf(_tip.Tests) };
                            await SaveSnapshotAsync(after.Snapshot, abort).ConfigureAwait(false);
                            if (after.Snapshot.CountOf(cluster.Key) == 0)
                            {
                                var task = await _journal.EnsureTaskAsync(_session.Id, new NewTask(Agents.Prompts.ClusterTasks.Kind, key, TitleOf(cluster)), abort)
                                    .ConfigureAwait(false);
                                await _journal.SetTaskStateAsync(task.Id, TaskState.Solved, abort).ConfigureAwait(false);
                            }

                            await EventAsync(new AttemptLanded(landed.Ticket, landed.Sha, key, verdict.Figures.Verified), attemptId, abort)
                                .ConfigureAwait(false);
                            Say($"landed {landed.Ticket} {landed.Sha[..12]}: {verdict.Figures.Verified}");
                            return new AttemptOutcome.Landed(key, landed.Ticket, landed.Sha);

                        case LandingResult.NeedsReverification moved:
                            if (!ReferenceEquals(current, workspace))
                            {
                                await current.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
                            }

                            current = moved.Workspace;
                            var basis = _tip;
                            after = await _measurer.ChangeAsync(current, basis.Commit, abort).ConfigureAwait(false);
                            var change = await current.CaptureAsync(abort).ConfigureAwait(false);
                            verdict = Verifier.Decide(new VerdictInput(
                                cluster.Key, basis.Snapshot, after.Snapshot, basis.Tests, after.Tests, change.Patch, _config.Policy));
                            await EventAsync(new VerdictRebased(verdict.IsAccepted, verdict.Summary), attemptId, abort)
                                .ConfigureAwait(false);
                            if (!verdict.IsAccepted)
                            {
                                return await AbandonVerifiedAsync(attemptId, key, $"after another fix landed, the replayed change is {verdict.Summary}", events)
                                    .ConfigureAwait(false);
                            }

                            break;

                        case LandingResult.Conflicted conflicted:
                            return await AbandonVerifiedAsync(attemptId, key, $"conflicts with the fixes landed meanwhile: {conflicted.Details}", events)
                                .ConfigureAwait(false);

                        default:
                            return await AbandonVerifiedAsync(attemptId, key, "nothing to land", events).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                if (!ReferenceEquals(current, workspace))
                {
                    await current.RemoveAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _landing.Release();
        }
    }

    private async Task<AttemptOutcome> AbandonVerifiedAsync(long attemptId, string key, string reason, NightAttemptEvents events)
    {
        await _attempts.AbandonDecidedAsync(attemptId, reason, events).ConfigureAwait(false);
        return new AttemptOutcome.Abandoned(key, reason);
    }

    // "fix E0308 (12 -> 7)": the commit body's first line.
    private static string Outcome(Verdict verdict) =>
        $"fix {ClusterNames.Short(verdict.Figures.Target!)} ({verdict.Figures.TargetBefore} -> {verdict.Figures.TargetAfter})";
}
