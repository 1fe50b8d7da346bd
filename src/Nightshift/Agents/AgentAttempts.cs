namespace Nightshift.Agents;

/// <summary>How a workload runs one agent attempt.</summary>
public static class AgentAttempts
{
    /// <summary>Creates the rung's agent, runs it once (see <see cref="RunReportingFailureAsync"/>) and disposes it.</summary>
    public static async Task<AgentResult> RunOnceAsync(this LadderRung rung, AgentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rung);
        var agent = rung.Create();
        try
        {
            return await agent.RunReportingFailureAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await agent.ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Disposes <paramref name="agent"/> when it holds resources (the built-in agents' HTTP clients); the others need nothing.</summary>
    public static async ValueTask ReleaseAsync(this IAgent agent)
    {
        switch (agent)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <summary>
    /// Runs <paramref name="agent"/>; an agent that fails in a way it reports (a provider error, a broken recording) has failed
    /// this attempt, not the session: the failure goes to the transcript and comes back as an <see cref="AgentStopReason.Error"/>.
    /// A fatal <see cref="NightshiftException"/> (a configuration the whole session cannot run with) still propagates.
    /// </summary>
    public static async Task<AgentResult> RunReportingFailureAsync(this IAgent agent, AgentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await agent.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (NightshiftException e) when (!e.IsFatal)
        {
            await request.Transcript.AppendAsync(new TranscriptEntry(0, "harness", $"The agent failed: {e.Message}"), CancellationToken.None)
                .ConfigureAwait(false);
            return new AgentResult(AgentStopReason.Error, AgentUsage.None, 0, Error: e.Message, EndpointOutage: e is Providers.ProviderException { IsOutage: true });
        }
    }
}
