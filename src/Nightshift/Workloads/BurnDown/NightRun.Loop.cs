using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;

namespace Nightshift.Workloads.BurnDown;

internal sealed partial class NightRun
{
    /// <summary>
    /// Keeps up to <c>limits.workers</c> attempts running on different clusters until a stop condition holds, then lets
    /// the attempts in flight end (an agent is stopped, a verdict or landing finishes) and returns why it stopped.
    /// </summary>
    public async Task<NightStopReason> LoopAsync(CancellationToken stop, CancellationToken abort)
    {
        _telemetry.Phase("burn-down");
        var limits = _config.Limits;
        using var stopAgents = CancellationTokenSource.CreateLinkedTokenSource(stop, _limits.TimeUp);

        var running = new Dictionary<Task<AttemptOutcome>, int>();
        var idle = new Stack<int>(Enumerable.Range(1, Math.Max(1, limits.Workers)).Reverse());
        NightStopReason? reason = null;
        while (true)
        {
            reason ??= await StopConditionAsync(stop, abort).ConfigureAwait(false);
            while (reason is null && idle.Count > 0 && _board.Next(_tip.Snapshot) is { } cluster)
            {
                if (_options.WaitForEndpoint is { } wait)
                {
                    try
                    {
                        await PauseWhileEndpointDownAsync(wait, stopAgents.Token, abort).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (stopAgents.IsCancellationRequested && !abort.IsCancellationRequested)
                    {
                        reason = await StopConditionAsync(stop, abort).ConfigureAwait(false) ?? new NightStopReason.Interrupted();
                        break;
                    }
                }

                var worker = idle.Pop();
                _board.Take(cluster.Key.ToString());
                running.Add(AttemptAsync(cluster, worker, _tip, stopAgents.Token, abort), worker);
            }

            if (running.Count == 0)
            {
                return reason ?? new NightStopReason.ClustersExhausted();
            }

            var done = await Task.WhenAny(running.Keys).ConfigureAwait(false);
            idle.Push(running[done]);
            running.Remove(done);
            await CountAsync(await done.ConfigureAwait(false), abort).ConfigureAwait(false);
        }
    }

    // A dead endpoint pauses the night (no attempt is started to fail) and says so once, in the alerts and the status.
    private async Task PauseWhileEndpointDownAsync(Func<CancellationToken, Task> wait, CancellationToken stop, CancellationToken abort)
    {
        var waiting = wait(stop);
        if (waiting.IsCompleted)
        {
            await waiting.ConfigureAwait(false);
            return;
        }

        _telemetry.Phase("paused: endpoint down");
        await _telemetry.AlertAsync(
            AlertSeverity.Critical,
            AlertKinds.EndpointDown,
            "The agents' model endpoint is down: the night is paused and probes it until it answers.",
            abort).ConfigureAwait(false);
        Say("paused: the model endpoint is down; probing it until it answers");
        await waiting.ConfigureAwait(false);
        _telemetry.Phase("burn-down");
        await EventAsync(new EndpointUp(), null, abort).ConfigureAwait(false);
        Say("the model endpoint answers again: resuming");
    }

    private async Task CountAsync(AttemptOutcome outcome, CancellationToken abort)
    {
        _board.Release(outcome.ClusterKey);
        switch (outcome)
        {
            case AttemptOutcome.Landed:
                Commits++;
                _board.Landed();
                break;
            case AttemptOutcome.Rejected rejected:
                Rejections++;
                if (_board.Reject(outcome.ClusterKey))
                {
                    await SetAsideAsync(rejected).ConfigureAwait(false);
                }

                break;
        }

        await _telemetry.RefreshAsync(abort).ConfigureAwait(false);
    }

    private async Task SetAsideAsync(AttemptOutcome.Rejected rejected)
    {
        var key = rejected.ClusterKey;
        var task = (await _journal.SessionTasksAsync(_session.Id, CancellationToken.None).ConfigureAwait(false))
            .Single(t => t.Kind == Agents.Prompts.ClusterTasks.Kind && t.Key == key);
        await _journal.SetTaskStateAsync(task.Id, Store.TaskState.Skipped, CancellationToken.None).ConfigureAwait(false);
        var why = string.Join("; ", rejected.Verdict.Reasons.Select(r => r.Message));
        await EventAsync(new ClusterSetAside(key, _board.RejectionsOf(key), why), null, CancellationToken.None).ConfigureAwait(false);
        Say($"set aside {key} after {_board.RejectionsOf(key)} rejection(s): {why}");
    }

    // The first budget that no longer holds, in the order a person would name them; null to go on.
    private async Task<NightStopReason?> StopConditionAsync(CancellationToken stop, CancellationToken abort)
    {
        var limits = _config.Limits;
        if (stop.IsCancellationRequested)
        {
            return new NightStopReason.Interrupted();
        }

        if (await _limits.CheckAsync(abort).ConfigureAwait(false) is { } reached)
        {
            return new NightStopReason.Limit(reached);
        }

        if (_board.ConsecutiveRejections >= Math.Max(1, limits.MaxConsecutiveRejections))
        {
            await _telemetry.AlertAsync(
                AlertSeverity.Warning,
                AlertKinds.RepeatedRejections,
                $"{_board.ConsecutiveRejections} attempts in a row were rejected: the agent or the policy needs a look.",
                abort).ConfigureAwait(false);
            return new NightStopReason.ConsecutiveRejections(_board.ConsecutiveRejections);
        }

        return null;
    }
}
