namespace Nightshift.Workloads.Bench.Results;

/// <summary>A bench named on the command line does not exist (or its manifest is unreadable). Exit code 2.</summary>
public sealed class BenchNotFoundException(string message) : NightshiftException(message)
{
    public override int ExitCode => ExitCodes.UsageOrConfig;
}
