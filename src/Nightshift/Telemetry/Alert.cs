using System.Text.Json;

namespace Nightshift.Telemetry;

/// <summary>
/// A stop-the-line event a person should see in the morning (or now): one line of
/// <c>.nightshift/alerts.jsonl</c> and the payload of a journal event of kind <see cref="Events.AlertRaised"/>.
/// </summary>
/// <param name="At">When it was raised.</param>
/// <param name="Severity">How urgently a person should look.</param>
/// <param name="Kind">What happened, one of <see cref="AlertKinds"/> or a workload's own word.</param>
/// <param name="Message">What a person reads: what happened and what to do.</param>
/// <param name="SessionId">The journal's session that raised it.</param>
public sealed record Alert(DateTimeOffset At, AlertSeverity Severity, string Kind, string Message, long SessionId)
{
    public string ToJsonLine() => JsonSerializer.Serialize(this, TelemetryJson.Compact);

    /// <summary>The alert in one JSON document, or null when the text is not one.</summary>
    public static Alert? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var alert = JsonSerializer.Deserialize<Alert>(json, TelemetryJson.Compact);
            return alert is { Kind: not null, Message: not null } ? alert : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
