using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Tools;

/// <summary>finish: the agent is done. Its summary is recorded, never taken as a verdict.</summary>
internal sealed class FinishTool : IAgentTool
{
    public AIFunctionDeclaration Definition { get; } = IAgentTool.Declare(
        "finish",
        "Call this once, when you are done (or cannot make progress). Nightshift then re-measures the worktree itself and decides whether your change is kept.",
        ToolParameter.String("summary", "What you changed and why, in a few sentences; or why you could not fix it.", required: true));

    public Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var summary = arguments.RequiredString("summary", ToolArguments.MaxTextLength);
        return Task.FromResult(new ToolObservation("Finished. Nightshift re-measures the worktree and decides.", FinishSummary: summary));
    }
}
