namespace Nightshift;

/// <summary>A request that cannot be carried out as asked (exit code 2).</summary>
public sealed class UsageException(string message) : NightshiftException(message)
{
    public override int ExitCode => ExitCodes.UsageOrConfig;
}
