using System.Globalization;
using System.Text.Json;

namespace Nightshift.Agents.Tools;

/// <summary>
/// A tool call's arguments, read leniently where models are sloppy (a line number sent as "12") and
/// strictly where a guess would do harm (a missing path).
/// </summary>
internal sealed class ToolArguments
{
    private readonly JsonElement _root;

    private ToolArguments(JsonElement root) => _root = root;

    public static ToolArguments Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ToolException($"the arguments must be a JSON object, not {document.RootElement.ValueKind}.");
            }

            return new ToolArguments(document.RootElement.Clone());
        }
        catch (JsonException exception)
        {
            throw new ToolException($"the arguments are not valid JSON ({exception.Message}). Send a JSON object with the documented parameters.");
        }
    }

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw new ToolException($"the argument '{name}' is required.");

    public string? OptionalString(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } value => throw new ToolException($"the argument '{name}' must be a string, not {value.ValueKind}."),
    };

    public int? OptionalInt(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
        { ValueKind: JsonValueKind.String } value when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        _ => throw new ToolException($"the argument '{name}' must be a whole number."),
    };

    public bool OptionalBool(string name) => Value(name) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } value when bool.TryParse(value.GetString(), out var flag) => flag,
        _ => throw new ToolException($"the argument '{name}' must be true or false."),
    };

    public IReadOnlyList<string> OptionalStrings(string name) => Value(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } value when value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String) =>
            [.. value.EnumerateArray().Select(item => item.GetString()!)],
        { ValueKind: JsonValueKind.String } value => [value.GetString()!],
        _ => throw new ToolException($"the argument '{name}' must be an array of strings."),
    };

    /// <summary>The value, with JSON null treated as absent.</summary>
    private JsonElement? Value(string name) =>
        _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
