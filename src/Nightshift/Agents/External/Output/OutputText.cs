using System.Globalization;
using System.Text.Json;
using Nightshift.Execution;

namespace Nightshift.Agents.External.Output;

/// <summary>Small pieces the readers share: plain entries, JSON field access, bounded text.</summary>
internal static class OutputText
{
    /// <summary>Longest observation kept in one entry; a tool result can be a whole file.</summary>
    public const int MaxContent = 8_000;

    /// <summary>A line as it came: the agent's words on stdout, marked as stderr otherwise.</summary>
    public static TranscriptEntry Plain(int step, OutputLine line) => new(
        Math.Max(step, 1),
        "assistant",
        line.Channel == OutputChannel.StandardError ? "[stderr] " + line.Text : line.Text);

    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static long Long(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.TryGetInt64(out var number)
            ? number
            : 0;

    public static decimal? Decimal(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.TryGetDecimal(out var number)
            ? number
            : null;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>Keeps the head of a long text and says how much was left out.</summary>
    public static string Bounded(string text) => text.Length <= MaxContent
        ? text
        : string.Create(CultureInfo.InvariantCulture, $"{text[..MaxContent]}… ({text.Length - MaxContent} more characters)");
}
