using Nightshift.Agents;
using Nightshift.Attempts;
using Nightshift.Clustering;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Verification;

namespace Nightshift.Workloads.BurnDown;

/// <summary>What the night shows of one attempt on a cluster: its events, the worker's live status and progress lines.</summary>
internal sealed class NightAttemptEvents(SessionTelemetry telemetry, IProgress<string>? progress, Cluster cluster, int worker, Action<decimal> spent)
    : IAttemptObserver
{
    private string Key => cluster.Key.ToString();

    public async Task StartedAsync(long attemptId, AttemptPlan plan, CancellationToken cancellationToken)
    {
        telemetry.Worker(worker, w => w with { Cluster = Key, AttemptId = attemptId, LastToolCall = null, FilesModified = 0 });
        await telemetry.EventAsync(new AttemptStarted(Key, cluster.Count, plan.Agent, worker), attemptId, cancellationToken).ConfigureAwait(false);
        Say($"[{worker}] attempt {attemptId}: {ClusterNames.Short(cluster.Key)} ({cluster.Count}) with {plan.Agent}");
    }

    public async Task AgentFinishedAsync(long attemptId, AgentResult result, AttemptChange change, CancellationToken cancellationToken)
    {
        spent(result.Usage.CostUsd ?? 0);
        telemetry.Worker(worker, w => w with { LastToolCall = "verifying", FilesModified = change.ChangedPaths.Count });
        await telemetry.EventAsync(new VerdictStarted(change.ChangedPaths.Count, result.StopReason.WireName()), attemptId, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task DecidedAsync(long attemptId, Verdict verdict, AttemptTimings timings, CancellationToken cancellationToken)
    {
        await telemetry.EventAsync(
            new VerdictDecided(verdict.IsAccepted, verdict.Summary) { Timings = VerdictTimings.Of(timings) }, attemptId, cancellationToken).ConfigureAwait(false);
        Say($"[{worker}] attempt {attemptId}: {verdict.Summary}");
    }

    public async Task AbandonedAsync(long attemptId, string reason, bool endpointOutage, string? agentError, CancellationToken cancellationToken)
    {
        await telemetry.EventAsync(new AttemptAbandoned(endpointOutage ? "endpoint_unavailable" : reason, agentError), attemptId, cancellationToken)
            .ConfigureAwait(false);
        Say($"[{worker}] attempt {attemptId} abandoned: {reason}");
    }

    private void Say(string line) => progress?.Report(line);
}
