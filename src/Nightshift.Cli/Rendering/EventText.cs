using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;

namespace Nightshift.Cli.Rendering;

/// <summary>One line about an event for a person: an alert's message, else the payload's plain fields as key=value.</summary>
internal static class EventText
{
    private const int MaxLength = 100;

    public static string Describe(TelemetryEvent telemetryEvent)
    {
        ArgumentNullException.ThrowIfNull(telemetryEvent);
        var payload = telemetryEvent.Payload;
        if (payload is null)
        {
            return "";
        }

        if (telemetryEvent.ToRecord() is AlertRaised alert)
        {
            return Clip(alert.Message);
        }

        var parts = payload
            .Where(p => p.Value is JsonValue)
            .Select(p => $"{p.Key}={Scalar((JsonValue)p.Value!)}");
        return Clip(string.Join(' ', parts));
    }

    private static string Scalar(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= MaxLength ? line : line[..(MaxLength - 1)] + "…";
    }
}
