namespace Nightshift.Agents.Providers;

/// <summary>One query: the whole conversation so far and the tools the model may call.</summary>
public sealed record ModelRequest(IReadOnlyList<ModelMessage> Messages, IReadOnlyList<ToolDefinition> Tools)
{
    /// <summary>
    /// Called whenever the response makes progress (each streamed chunk), so the caller's idle limit
    /// measures silence rather than the length of a long but steady answer.
    /// </summary>
    public Action? OnProgress { get; init; }
}
