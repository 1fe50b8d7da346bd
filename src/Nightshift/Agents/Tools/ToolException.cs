namespace Nightshift.Agents.Tools;

/// <summary>
/// A tool call that cannot be done as asked (a path outside the worktree, an edit that matches twice).
/// The toolbox turns it into an observation for the model; it never leaves the agent loop.
/// </summary>
internal sealed class ToolException(string message) : Exception(message);
