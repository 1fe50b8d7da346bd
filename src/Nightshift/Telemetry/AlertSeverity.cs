namespace Nightshift.Telemetry;

/// <summary>How urgently a person should look: for the morning, soon, or now (the session stopped or will).</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
