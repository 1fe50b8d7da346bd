namespace Nightshift.Workloads.Learn.Koans;

/// <summary>A koan set cannot be used: the manifest is missing or invalid, or a koan's files are. Exit code 2.</summary>
public sealed class KoanSetException(string message) : NightshiftException(message)
{
    public override int ExitCode => ExitCodes.UsageOrConfig;
}
