namespace Nightshift.Diagnostics;

/// <summary>A configured diagnostic pattern is missing or unusable; the user has to fix the configuration.</summary>
public sealed class DiagnosticPatternException(string message, Exception? innerException = null)
    : NightshiftException(message, isFatal: true, innerException)
{
    public override int ExitCode => ExitCodes.UsageOrConfig;
}
