using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightshift.Telemetry;

/// <summary>
/// One JSON dialect for every file under <c>.nightshift/</c> and every <c>--json</c> of status and report:
/// snake_case names (as the journal's columns), enums as lower-case words, durations as whole seconds.
/// </summary>
internal static class TelemetryJson
{
    /// <summary>For JSONL: one document per line.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>For files a person opens (status.json) and for <c>--json</c> output.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = indented,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new SecondsJsonConverter() },

            // These files are read by people, jq and scripts, never pasted into HTML: keep '+', '<', '&' and
            // non-ASCII as they are instead of \u002B escapes. The HTML report encodes for itself.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
