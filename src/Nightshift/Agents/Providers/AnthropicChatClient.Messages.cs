using System.Text.Json;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Providers;

internal sealed partial class AnthropicChatClient
{
    /// <summary>
    /// The Messages API alternates user and assistant turns, and all results of one assistant turn go back
    /// in one user message, so consecutive blocks of the same role are merged into one message. System
    /// messages travel apart (<see cref="ToParameters"/>).
    /// </summary>
    private static List<MessageParam> ToMessages(IEnumerable<ChatMessage> messages)
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
            if (message.Role == ChatRole.Assistant)
            {
                var calls = message.Contents.OfType<FunctionCallContent>().ToList();

                // An assistant turn needs some content; a reply that was all silence is sent back as such.
                if (message.Text.Length > 0 || calls.Count == 0)
                {
                    Add(isUser: false, new TextBlockParam(message.Text.Length > 0 ? message.Text : "(no reply)"));
                }

                foreach (var call in calls)
                {
                    Add(isUser: false, new ToolUseBlockParam { ID = call.CallId, Name = call.Name, Input = ParseObject(ToolCallJson.Arguments(call)) });
                }
            }
            else if (message.Role != ChatRole.System)
            {
                foreach (var content in message.Contents)
                {
                    switch (content)
                    {
                        case TextContent text:
                            Add(isUser: true, new TextBlockParam(text.Text));
                            break;
                        case FunctionResultContent toolResult:
                            Add(isUser: true, new ToolResultBlockParam(toolResult.CallId)
                            {
                                Content = toolResult.Result as string ?? JsonSerializer.Serialize(toolResult.Result, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object))),
                                IsError = toolResult.Exception is not null,
                            });
                            break;
                    }
                }
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
