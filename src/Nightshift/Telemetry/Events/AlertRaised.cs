namespace Nightshift.Telemetry.Events;

/// <summary>An <see cref="Alert"/> as journaled: the same fields as its line in alerts.jsonl.</summary>
[EventKind("alert.raised")]
public sealed record AlertRaised(DateTimeOffset At, AlertSeverity Severity, string Kind, string Message, long SessionId) : SessionEvent
{
    public static AlertRaised Of(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(alert.At, alert.Severity, alert.Kind, alert.Message, alert.SessionId);
    }
}
