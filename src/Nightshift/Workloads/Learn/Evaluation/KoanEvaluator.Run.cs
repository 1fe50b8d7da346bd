using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Nightshift.Agents;
using Nightshift.Attempts;
using Nightshift.Store;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Workloads.Learn.Evaluation;

public sealed partial class KoanEvaluator
{
    private async Task<EvalRun> RunOneAsync(
        IAgent agent, string? model, long sessionId, string workload, Koan koan, int repeat, EvalOptions options, CancellationToken cancellationToken)
    {
        var attempts = new AttemptRunner(journal, workload, options.Paths, model);
        await using var work = new KoanAttempt(koan, repeat, toolchain, runner);
        var plan = new AttemptPlan(sessionId, new NewTask("koan", koan.Id, koan.Title), agent.Name, RunAgentAsync, options.Budget);
        switch (await attempts.RunAsync(plan, work, observer: null, cancellationToken, cancellationToken).ConfigureAwait(false))
        {
            case AttemptEnd<KoanRun>.Decided decided:
                var after = decided.Judgement.Measured;
                var remaining = after.Errors.Select(e => e.Code).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
                return new EvalRun(koan.Id, koan.Category, repeat, decided.Verdict.IsAccepted, decided.Agent.Steps, decided.Agent.StopReason, remaining, decided.AttemptId);
            case AttemptEnd<KoanRun>.Abandoned { Cause: { } cause }:
                // The harness failed (git, rustc missing) or the eval was interrupted: the attempt is journaled as abandoned.
                ExceptionDispatchInfo.Throw(cause);
                break;
        }

        throw new UnreachableException("Only a harness failure or an interrupt abandons an eval's attempt.");

        // An agent that fails, the endpoint's outage included, has failed this run: the eval measures what the agent delivers.
        async Task<AgentResult> RunAgentAsync(AgentRequest request, CancellationToken token) =>
            await agent.RunReportingFailureAsync(request, token).ConfigureAwait(false) with { EndpointOutage = false };
    }
}
