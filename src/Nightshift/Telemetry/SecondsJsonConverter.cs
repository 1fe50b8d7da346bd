using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightshift.Telemetry;

/// <summary>
/// Durations as a number of seconds (rounded to whole seconds): what jq, a shell script or a
/// dashboard can compute with, unlike .NET's "hh:mm:ss.fffffff" text. Properties that hold one are
/// named <c>*_seconds</c> so the unit is never a guess.
/// </summary>
internal sealed class SecondsJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromSeconds(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue((long)Math.Round(value.TotalSeconds, MidpointRounding.AwayFromZero));
    }
}
