namespace Nightshift.Agents;

/// <summary>One agent run: the task, the worktree it may change, its budget, and its tools.</summary>
/// <param name="Task">What to do.</param>
/// <param name="Worktree">The only directory the agent may read or write.</param>
/// <param name="Budget">Limits; exceeding one stops the agent with the matching stop reason.</param>
/// <param name="Checks">Re-measures the worktree (the probe, the tests) on the agent's behalf.</param>
/// <param name="Transcript">Receives every step as it happens, so nothing is lost on a crash.</param>
public sealed record AgentRequest(
    AgentTask Task,
    string Worktree,
    AgentBudget Budget,
    IWorkspaceChecks Checks,
    ITranscript Transcript);
