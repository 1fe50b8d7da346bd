using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightshift.Reports;

/// <summary>
/// A duration as milliseconds (one decimal), for the crash figures of <c>report --json</c>: detection latencies and many
/// steps are under a second, which the whole seconds of the rest of the report would round to 0. Properties that hold
/// one are named <c>*_ms</c>, as in the crash events they come from.
/// </summary>
internal sealed class MillisecondsJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromMilliseconds(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(Math.Round(value.TotalMilliseconds, 1));
    }
}

/// <summary><see cref="MillisecondsJsonConverter"/> for an optional duration: null stays null.</summary>
internal sealed class NullableMillisecondsJsonConverter : JsonConverter<TimeSpan?>
{
    public override bool HandleNull => true;

    public override TimeSpan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : TimeSpan.FromMilliseconds(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } duration)
        {
            writer.WriteNumberValue(Math.Round(duration.TotalMilliseconds, 1));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
