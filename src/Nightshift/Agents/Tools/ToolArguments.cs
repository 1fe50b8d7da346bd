using System.Globalization;
using System.Text.Json;

namespace Nightshift.Agents.Tools;

/// <summary>
/// A tool call's arguments, read leniently where models are sloppy (a line number sent as "12") and
/// strictly where a guess would do harm (a missing path). Every string is checked before a tool sees it:
/// no NUL (a path with one makes the file system APIs throw, and no source file needs one), no lone
/// UTF-16 surrogate (it cannot be written as UTF-8), and no more characters than its kind allows.
/// </summary>
internal sealed class ToolArguments
{
    /// <summary>Paths, patterns and other short values: Linux's PATH_MAX.</summary>
    public const int MaxShortLength = 4_096;

    /// <summary>File contents, edits and patches: far above any fix, far below what would hurt memory.</summary>
    public const int MaxTextLength = 4_000_000;

    private readonly JsonElement _root;

    private ToolArguments(JsonElement root) => _root = root;

    public static ToolArguments Parse(string json)
    {
        if (json.Length > MaxTextLength + MaxShortLength)
        {
            throw new ToolException($"the arguments are {json.Length} characters long, more than a tool call may send ({MaxTextLength}). Send a smaller change.");
        }

        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ToolException($"the arguments must be a JSON object, not {document.RootElement.ValueKind}.");
            }

            CheckAll(document.RootElement, "");
            return new ToolArguments(document.RootElement.Clone());
        }
        catch (JsonException exception)
        {
            throw new ToolException($"the arguments are not valid JSON ({exception.Message}). Send a JSON object with the documented parameters.");
        }
    }

    /// <summary>A required string of at most <paramref name="maxLength"/> characters.</summary>
    public string RequiredString(string name, int maxLength = MaxShortLength) =>
        OptionalString(name, maxLength) ?? throw new ToolException($"the argument '{name}' is required.");

    public string? OptionalString(string name, int maxLength = MaxShortLength) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => Checked(name, Text(name, value), maxLength),
        { } value => throw new ToolException($"the argument '{name}' must be a string, not {value.ValueKind}."),
    };

    public int? OptionalInt(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
        { ValueKind: JsonValueKind.String } value when int.TryParse(Text(name, value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        _ => throw new ToolException($"the argument '{name}' must be a whole number."),
    };

    public bool OptionalBool(string name) => Value(name) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } value when bool.TryParse(Text(name, value), out var flag) => flag,
        _ => throw new ToolException($"the argument '{name}' must be true or false."),
    };

    /// <summary>An array of short strings (or one), each checked as <see cref="OptionalString"/> checks one.</summary>
    public IReadOnlyList<string> OptionalStrings(string name) => Value(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } value when value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String) =>
            [.. value.EnumerateArray().Select(item => Checked(name, Text(name, item), MaxShortLength))],
        { ValueKind: JsonValueKind.String } value => [Checked(name, Text(name, value), MaxShortLength)],
        _ => throw new ToolException($"the argument '{name}' must be an array of strings."),
    };

    /// <summary>
    /// Every name and string in the arguments, read or not, so that a tool without parameters (run_tests) or
    /// one the model added refuses a NUL or a lone surrogate as the others do.
    /// </summary>
    private static void CheckAll(JsonElement element, string name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                Checked(name, Text(name, element), MaxTextLength);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CheckAll(item, name);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var propertyName = Checked("(a name)", property.Name, MaxShortLength);
                    CheckAll(property.Value, propertyName);
                }

                break;
        }
    }

    /// <summary>The string; a lone surrogate escape (<c>"\ud800"</c>) makes System.Text.Json throw, which is the model's mistake.</summary>
    private static string Text(string name, JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new ToolException($"the argument '{name}' holds an invalid \\u escape (a lone UTF-16 surrogate). Send the text as plain UTF-8.");
        }
    }

    private static string Checked(string name, string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            throw new ToolException(string.Create(
                CultureInfo.InvariantCulture,
                $"the argument '{name}' is {text.Length} characters long; at most {maxLength} are accepted."));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ToolException($"the argument '{name}' contains a NUL character (\\u0000), which no path or source text may hold.");
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw new ToolException($"the argument '{name}' holds a lone UTF-16 surrogate, which is not text. Send the text as plain UTF-8.");
            }
        }

        return text;
    }

    /// <summary>The value, with JSON null treated as absent.</summary>
    private JsonElement? Value(string name) =>
        _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
