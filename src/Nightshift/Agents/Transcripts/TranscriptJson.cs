using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Nightshift.Files;

namespace Nightshift.Agents.Transcripts;

/// <summary>
/// The wire form of a <see cref="TranscriptEntry"/>: one JSON object per line, snake_case, tool fields only
/// when present. <c>{"step":1,"role":"tool","content":"…","tool_name":"apply_suggestion","at":"…"}</c>
/// </summary>
public static class TranscriptJson
{
    /// <summary>The entry as one line of UTF-8 JSON, with the trailing newline.</summary>
    public static byte[] Serialize(TranscriptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(256 + (entry.Content.Length * 2));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("step", entry.Step);
            json.WriteString("role", entry.Role);
            json.WriteString("content", entry.Content);
            if (entry.ToolName is { } tool)
            {
                json.WriteString("tool_name", tool);
            }

            if (entry.ToolArguments is { } arguments)
            {
                json.WriteString("tool_arguments", arguments);
            }

            json.WriteString("at", entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>
    /// The entry on one line, or null when the line is not one (blank, not JSON, no step or role). A line
    /// torn by a crash mid-write is such a line, so reading a transcript never fails on its last step.
    /// </summary>
    public static TranscriptEntry? Parse(string line)
    {
        if (JsonLines.TryParseObject(line) is not { } root
            || !root.TryGetProperty("step", out var step) || !step.TryGetInt32(out var number)
            || Text(root, "role") is not { } role)
        {
            return null;
        }

        var entry = new TranscriptEntry(number, role, Text(root, "content") ?? "", Text(root, "tool_name"), Text(root, "tool_arguments"));
        return Text(root, "at") is { } at
            && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when)
            ? entry with { At = when }
            : entry;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
