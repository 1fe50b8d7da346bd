namespace Nightshift.Agents.Tools;

/// <summary>What a tool call produced, sent back to the model as the call's result.</summary>
/// <param name="Text">The observation the model reads.</param>
/// <param name="IsError">True when the call failed; the model is told so and can try otherwise.</param>
/// <param name="FinishSummary">Set by <c>finish</c>: the agent's own account, which ends the run.</param>
internal sealed record ToolObservation(string Text, bool IsError = false, string? FinishSummary = null)
{
    public static ToolObservation Error(string message) => new($"Error: {message}", IsError: true);
}
