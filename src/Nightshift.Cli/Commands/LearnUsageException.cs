namespace Nightshift.Cli.Commands;

/// <summary>A learn command was given an option value it cannot use. Exit code 2.</summary>
internal sealed class LearnUsageException(string message) : NightshiftException(message)
{
    public override int ExitCode => ExitCodes.UsageOrConfig;
}
