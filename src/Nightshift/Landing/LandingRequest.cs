using Nightshift.Workspaces;

namespace Nightshift.Landing;

/// <summary>An accepted attempt to land.</summary>
/// <param name="SessionId">The journal's session.</param>
/// <param name="AttemptId">The journal's attempt; it must be verified (accepted) in the journal.</param>
/// <param name="Branch">The session branch (short name) from <see cref="SessionBranch.Name"/>.</param>
/// <param name="Workspace">The worktree the verifier accepted; its content is what is committed.</param>
/// <param name="AgentSummary">The agent's own account of its change, when it gave one: the commit subject after the ticket
/// (shortened to fit) and the body. Without it the subject names the changed files.</param>
/// <param name="Outcome">What the verifier saw fixed, for the body, e.g. "fix E0308 (12 -> 7)".</param>
/// <param name="Verified">The verifier's figures for the Verified trailer, e.g. "E0308 12 -> 7; tests 140/140".</param>
public sealed record LandingRequest(
    long SessionId, long AttemptId, string Branch, Workspace Workspace, string? AgentSummary, string Outcome, string Verified);
