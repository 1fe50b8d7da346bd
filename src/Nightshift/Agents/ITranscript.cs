namespace Nightshift.Agents;

/// <summary>
/// Where an agent's steps go as they happen. Implementations persist each entry before returning
/// (JSONL under .nightshift/transcripts/, the journal), so a crash loses at most the step in flight.
/// </summary>
public interface ITranscript
{
    Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken);
}

/// <summary>
/// One step: a message to or from the model, a tool call and its observation, or a note from the
/// harness (limits, errors). Content is already redacted of secrets.
/// </summary>
/// <param name="Step">The agent step this belongs to (1-based).</param>
/// <param name="Role">system, user, assistant, tool or harness.</param>
/// <param name="Content">The text of the message or observation.</param>
/// <param name="ToolName">For tool calls and observations, the tool.</param>
/// <param name="ToolArguments">For tool calls, the JSON arguments.</param>
public sealed record TranscriptEntry(
    int Step,
    string Role,
    string Content,
    string? ToolName = null,
    string? ToolArguments = null)
{
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;
}
