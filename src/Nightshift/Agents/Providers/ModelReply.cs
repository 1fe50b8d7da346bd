namespace Nightshift.Agents.Providers;

/// <summary>What one query returned, whether it was streamed or not.</summary>
/// <param name="Text">The reply's text; empty when the model only called tools.</param>
/// <param name="ToolCalls">The tool calls, in the order the model made them.</param>
/// <param name="InputTokens">Prompt tokens the provider reported for this query.</param>
/// <param name="OutputTokens">Completion tokens the provider reported for this query.</param>
/// <param name="FinishReason">The provider's own word for why the reply ended (tool_calls, tool_use,
/// stop, end_turn, length, max_tokens), for the transcript.</param>
public sealed record ModelReply(
    string Text,
    IReadOnlyList<ToolCall> ToolCalls,
    long InputTokens,
    long OutputTokens,
    string? FinishReason);
