using System.Text.Json;
using Anthropic.Models.Messages;

namespace Nightshift.Agents.Providers;

public sealed partial class AnthropicChatModel
{
    /// <summary>
    /// The Messages API alternates user and assistant turns, and all results of one assistant turn go back
    /// in one user message, so consecutive blocks of the same role are merged into one message.
    /// </summary>
    private static List<MessageParam> ToMessages(IReadOnlyList<ModelMessage> messages)
    {
        var result = new List<MessageParam>();
        var blocks = new List<ContentBlockParam>();
        var blocksAreUser = true;

        void Flush()
        {
            if (blocks.Count > 0)
            {
                result.Add(blocksAreUser ? new UserMessageParam(blocks.ToList()) : new AssistantMessageParam(blocks.ToList()));
                blocks.Clear();
            }
        }

        void Add(bool isUser, ContentBlockParam block)
        {
            if (isUser != blocksAreUser)
            {
                Flush();
                blocksAreUser = isUser;
            }

            blocks.Add(block);
        }

        foreach (var message in messages)
        {
            switch (message)
            {
                case UserMessage user:
                    Add(isUser: true, new TextBlockParam(user.Text));
                    break;
                case ToolResultMessage toolResult:
                    Add(isUser: true, new ToolResultBlockParam(toolResult.CallId) { Content = toolResult.Text, IsError = toolResult.IsError });
                    break;
                case AssistantMessage assistant:
                    // An assistant turn needs some content; a reply that was all silence is sent back as such.
                    if (assistant.Text.Length > 0 || assistant.ToolCalls.Count == 0)
                    {
                        Add(isUser: false, new TextBlockParam(assistant.Text.Length > 0 ? assistant.Text : "(no reply)"));
                    }

                    foreach (var call in assistant.ToolCalls)
                    {
                        Add(isUser: false, new ToolUseBlockParam { ID = call.Id, Name = call.Name, Input = ParseObject(call.ArgumentsJson) });
                    }

                    break;
            }
        }

        Flush();
        return result;
    }

    /// <summary>A JSON object as the SDK's dictionaries hold it; anything else (a model's broken arguments) as an empty one.</summary>
    private static Dictionary<string, JsonElement> ParseObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.Length == 0 ? "{}" : json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.Clone())
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
