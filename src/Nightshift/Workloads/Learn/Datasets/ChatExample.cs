using System.Text.Json;
using Nightshift.Attempts.Episodes;

namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>
/// One supervised fine-tuning example in the chat-messages format that OpenAI fine-tuning and Hugging Face
/// TRL's SFTTrainer both read: a JSON Lines file whose every line is <c>{"messages":[{"role":..,"content":..},..]}</c>
/// and nothing else (OpenAI refuses unknown keys, so provenance goes to the manifest, not the line).
/// </summary>
public sealed record ChatExample(IReadOnlyList<ChatMessage> Messages)
{
    public string ToLine() => JsonSerializer.Serialize(this, LearnJson.Compact);

    /// <summary>All the text of the example, for fingerprints and the eval guard.</summary>
    public string Text => string.Join('\n', Messages.Select(m => m.Content));

    /// <summary>Reads one line; null when it is not a chat example (no messages, or a message without role or content).</summary>
    public static ChatExample? FromLine(string line)
    {
        try
        {
            var example = JsonSerializer.Deserialize<ChatExample>(line, LearnJson.Compact);
            return example?.Messages is { Count: > 0 } messages
                && messages.All(m => m is { Role.Length: > 0, Content: not null })
                ? example
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
