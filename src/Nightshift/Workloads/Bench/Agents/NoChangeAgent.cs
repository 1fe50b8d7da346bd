using Nightshift.Agents;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Workloads.Bench.Agents;

/// <summary>
/// The bench's <c>none</c> agent: changes nothing. The floor of every comparison, and a check on the suite:
/// every task must fail with it as <c>no_change</c>.
/// </summary>
public sealed class NoChangeAgent : IAgent
{
    public string Name => BenchAgentSpec.None;

    public async Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await request.Transcript.AppendAsync(new TranscriptEntry(1, "assistant", "(no change)"), cancellationToken).ConfigureAwait(false);
        return new AgentResult(AgentStopReason.Finished, AgentUsage.None, 1, Summary: "changed nothing");
    }
}
