using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Tools;

/// <summary>One function tool of the built-in agent.</summary>
internal interface IAgentTool
{
    /// <summary>What the model is told of the tool; the agent runs the calls itself, so it is a declaration only.</summary>
    AIFunctionDeclaration Definition { get; }

    /// <summary>
    /// Does the call. A call that cannot be done throws <see cref="ToolException"/> (or an I/O error),
    /// which the toolbox reports to the model; the run goes on.
    /// </summary>
    Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken);

    /// <summary>A tool declaration whose argument object has <paramref name="parameters"/>, in that order.</summary>
    static AIFunctionDeclaration Declare(string name, string description, params ToolParameter[] parameters) =>
        AIFunctionFactory.CreateDeclaration(name, description, JsonElement.Parse(ToolParameter.ObjectSchema(parameters).ToJsonString()));
}
