using System.Text.Json.Nodes;
using Nightshift.Agents;
using Nightshift.Attempts;
using Nightshift.Clustering;
using Nightshift.Telemetry;
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
        await telemetry.EventAsync(
            "attempt.started", new JsonObject { ["cluster"] = Key, ["count"] = cluster.Count, ["agent"] = plan.Agent, ["worker"] = worker }, attemptId, cancellationToken)
            .ConfigureAwait(false);
        Say($"[{worker}] attempt {attemptId}: {ClusterNames.Short(cluster.Key)} ({cluster.Count}) with {plan.Agent}");
    }

    public async Task AgentFinishedAsync(long attemptId, AgentResult result, AttemptChange change, CancellationToken cancellationToken)
    {
        spent(result.Usage.CostUsd ?? 0);
        telemetry.Worker(worker, w => w with { LastToolCall = "verifying", FilesModified = change.ChangedPaths.Count });
        await telemetry.EventAsync(
            "verdict.started", new JsonObject { ["files_changed"] = change.ChangedPaths.Count, ["agent_stop"] = result.StopReason.WireName() }, attemptId, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task DecidedAsync(long attemptId, Verdict verdict, CancellationToken cancellationToken)
    {
        await telemetry.EventAsync("verdict", new JsonObject { ["accepted"] = verdict.IsAccepted, ["summary"] = verdict.Summary }, attemptId, cancellationToken)
            .ConfigureAwait(false);
        Say($"[{worker}] attempt {attemptId}: {verdict.Summary}");
    }

    public async Task AbandonedAsync(long attemptId, string reason, bool endpointOutage, string? agentError, CancellationToken cancellationToken)
    {
        var payload = new JsonObject { ["reason"] = endpointOutage ? "endpoint_unavailable" : reason };
        if (agentError is not null)
        {
            payload["error"] = agentError;
        }

        await telemetry.EventAsync("attempt.abandoned", payload, attemptId, cancellationToken).ConfigureAwait(false);
        Say($"[{worker}] attempt {attemptId} abandoned: {reason}");
    }

    private void Say(string line) => progress?.Report(line);
}
