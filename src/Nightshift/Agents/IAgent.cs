namespace Nightshift.Agents;

/// <summary>
/// Anything that can try to fix a task inside a worktree: a built-in LLM loop, an external agent
/// CLI, the offline suggestion applier, a replay of recorded patches. An agent leaves a change in
/// the worktree and a transcript; it never decides whether the change is good — the verifier does.
/// </summary>
public interface IAgent
{
    /// <summary>The provider name as configured (suggest, openai, anthropic, command, replay).</summary>
    string Name { get; }

    Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken);
}
