namespace Nightshift.Telemetry.Events;

/// <summary>An event about one crash: its journal task and signature, by which the report gathers a crash's events.</summary>
public interface ICrashEvent
{
    long Task { get; }

    string Signature { get; }
}
