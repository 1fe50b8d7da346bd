namespace Nightshift.Reports;

/// <summary>Whether a success target was reached; Unknown when the journal holds no measurement for it.</summary>
public enum TargetOutcome
{
    Met,
    Missed,
    Unknown,
}
