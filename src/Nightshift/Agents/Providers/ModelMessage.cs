namespace Nightshift.Agents.Providers;

/// <summary>
/// One message of a conversation with a model, in no provider's format: the built-in agent's state is
/// a list of these, and each provider adapter translates it to its own wire format on every query.
/// </summary>
public abstract record ModelMessage;

/// <summary>The instructions that frame the whole conversation.</summary>
public sealed record SystemMessage(string Text) : ModelMessage;

/// <summary>What the harness says to the model: the task, or a nudge when a reply called no tool.</summary>
public sealed record UserMessage(string Text) : ModelMessage;

/// <summary>A model reply: its text (possibly empty) and the tools it asked to run, in order.</summary>
public sealed record AssistantMessage(string Text, IReadOnlyList<ToolCall> ToolCalls) : ModelMessage;

/// <summary>The observation a tool call produced, answered to the call with the same id.</summary>
public sealed record ToolResultMessage(string CallId, string ToolName, string Text, bool IsError) : ModelMessage;
