using Nightshift.Agents.Providers;

namespace Nightshift.Agents.Tools;

/// <summary>One function tool of the built-in agent.</summary>
internal interface IAgentTool
{
    ToolDefinition Definition { get; }

    /// <summary>
    /// Does the call. A call that cannot be done throws <see cref="ToolException"/> (or an I/O error),
    /// which the toolbox reports to the model; the run goes on.
    /// </summary>
    Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken);
}
