namespace Nightshift.Adapters;

/// <summary>
/// An adapter, a safetensors file or a Share folder that cannot be used as given (missing file, corrupt header,
/// modules or ranks that do not match). The message names the file. Exit code 2: the input is wrong, not the run.
/// </summary>
public sealed class AdapterException(string message, Exception? innerException = null) : NightshiftException(message, innerException: innerException)
{
    public override int ExitCode => ExitCodes.UsageOrConfig;
}
