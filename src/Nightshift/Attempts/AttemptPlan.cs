using Nightshift.Agents;
using Nightshift.Store;

namespace Nightshift.Attempts;

/// <summary>Which attempt to run: the session, its task, the agent (a rung of the ladder) and its budget.</summary>
/// <param name="SessionId">The session the attempt belongs to.</param>
/// <param name="Task">The task, journaled once per session and key.</param>
/// <param name="Agent">The agent's name, as the journal and the report name it.</param>
/// <param name="RunAgent">Runs the agent once (see <see cref="AgentAttempts"/>): failures it reports come back as a result.</param>
/// <param name="Budget">The agent's step, token and time budget.</param>
public sealed record AttemptPlan(
    long SessionId,
    NewTask Task,
    string Agent,
    Func<AgentRequest, CancellationToken, Task<AgentResult>> RunAgent,
    AgentBudget Budget)
{
    /// <summary>The plan of an attempt by <paramref name="rung"/>: a new agent, released after its attempt.</summary>
    public static AttemptPlan For(long sessionId, NewTask task, LadderRung rung, AgentBudget budget)
    {
        ArgumentNullException.ThrowIfNull(rung);
        return new AttemptPlan(sessionId, task, rung.Name, rung.RunOnceAsync, budget);
    }
}
