using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightshift.Attempts.Episodes;

/// <summary>
/// How the learn workload writes JSON: camelCase names, enums as lower-case words, nulls left out, and
/// non-ASCII text (source code, compiler messages) kept readable rather than escaped.
/// </summary>
public static class LearnJson
{
    /// <summary>One object per line (JSONL, the journal's JSON columns).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Manifests meant to be read by a person.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // Metrics lines written by hand or by another tool need not put "kind" first.
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
