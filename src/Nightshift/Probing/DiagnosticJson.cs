using System.Text.Json;
using System.Text.Json.Serialization;
using Nightshift.Diagnostics;

namespace Nightshift.Probing;

/// <summary>
/// How diagnostics are written to JSON wherever Nightshift keeps them (the probe cache, snapshots' payloads):
/// camelCase properties, enums by name, and every part of a <see cref="Diagnostic"/> (spans, notes,
/// suggestions with their replacements) read back equal to what was written.
/// </summary>
public static class DiagnosticJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(IReadOnlyList<Diagnostic> diagnostics) =>
        JsonSerializer.Serialize(diagnostics, Options);

    /// <exception cref="JsonException">The text is not a list of diagnostics.</exception>
    public static IReadOnlyList<Diagnostic> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<Diagnostic>>(json, Options) ?? throw new JsonException("Expected a list of diagnostics, got null.");
}
