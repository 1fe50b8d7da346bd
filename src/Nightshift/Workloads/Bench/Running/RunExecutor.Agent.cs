using Nightshift.Agents;

namespace Nightshift.Workloads.Bench.Running;

internal sealed partial class RunExecutor
{
    /// <summary>
    /// Runs the agent with a token that the task's timeout cancels (an agent's processes die with it, tree and
    /// all, through the process runner). An agent that ignores the token is given up on after a grace period.
    /// </summary>
    private async Task<(AgentOutcome Outcome, int Steps, int ToolCalls)> RunAgentAsync(
        PlannedRun run, string directory, string transcriptPath, CancellationToken cancellationToken)
    {
        var task = run.Task;
        var transcript = RunTranscript.Create(transcriptPath);
        await using (transcript.ConfigureAwait(false))
        {
            // The prompt and the workspace, nothing else: no level, no solution, no acceptance.
            var request = new AgentRequest(
                new AgentTask(task.Id, "bench", task.Title, new Dictionary<string, string> { ["prompt"] = task.Prompt }, []),
                directory,
                run.Agent.Limits with { WallTime = task.Timeout },
                new BenchWorkspaceChecks(task.Check, directory, task.AcceptTimeout, runner),
                transcript);
            await transcript.AppendAsync(new TranscriptEntry(1, "user", task.Prompt), cancellationToken).ConfigureAwait(false);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(task.Timeout);
            AgentOutcome outcome;
            try
            {
                var result = await run.Agent.Agent.RunAsync(request, timeout.Token)
                    .WaitAsync(task.Timeout + options.AgentStopGrace, cancellationToken).ConfigureAwait(false);
                outcome = timeout.IsCancellationRequested || result.StopReason is AgentStopReason.TimeLimit or AgentStopReason.IdleLimit
                    ? new AgentOutcome.TimedOut(task.Timeout, result)
                    : new AgentOutcome.Returned(result);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException)
            {
                outcome = new AgentOutcome.TimedOut(task.Timeout, null);
            }
            catch (Exception e) when (BenchInfrastructureException.IsInfrastructure(e))
            {
                outcome = new AgentOutcome.Infrastructure(e.Message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // An agent is somebody else's code: whatever it throws is its failure, not the bench's.
                outcome = new AgentOutcome.Crashed($"{e.GetType().Name}: {e.Message}");
            }

            await transcript.NoteAsync(Describe(outcome), cancellationToken).ConfigureAwait(false);
            return (outcome, transcript.Steps, transcript.ToolCalls);
        }
    }

    private static string Describe(AgentOutcome outcome) => outcome switch
    {
        AgentOutcome.Returned returned => $"agent stopped: {Results.BenchJson.Name(returned.Result.StopReason)}" +
            (returned.Result.Error is { } error ? $" ({error})" : ""),
        AgentOutcome.TimedOut timedOut => $"agent timed out after {Configuration.Durations.Format(timedOut.After)}",
        AgentOutcome.Crashed crashed => $"agent crashed: {crashed.Message}",
        AgentOutcome.Infrastructure infrastructure => $"infrastructure error: {infrastructure.Message}",
        _ => outcome.ToString(),
    };
}
