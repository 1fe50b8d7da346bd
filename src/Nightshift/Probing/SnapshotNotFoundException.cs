namespace Nightshift.Probing;

/// <summary>A snapshot named on the command line does not exist: a usage error (exit code 2).</summary>
public sealed class SnapshotNotFoundException(string message) : NightshiftException(message)
{
    public override int ExitCode => ExitCodes.UsageOrConfig;
}
