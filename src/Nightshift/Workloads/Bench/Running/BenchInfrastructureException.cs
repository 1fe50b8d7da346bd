using System.Net.Sockets;
using Nightshift.Execution;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// Something outside the agent failed (an endpoint, the disk, the sandbox): the run is retried and, if it
/// keeps failing, excluded from every rate rather than counted against the agent. Agents may throw it too.
/// </summary>
public sealed class BenchInfrastructureException(string message, Exception? innerException = null)
    : NightshiftException(message, isFatal: false, innerException)
{
    // ENOSPC on Linux and macOS; ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL as HRESULTs.
    private static readonly int[] _diskFull = [28, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>True for the failures that are not the agent's doing.</summary>
    public static bool IsInfrastructure(Exception e) => e switch
    {
        BenchInfrastructureException or HttpRequestException or SocketException or CommandStartException => true,
        IOException io => IsDiskFull(io),
        AggregateException aggregate => aggregate.InnerExceptions.All(IsInfrastructure),
        _ => false,
    };

    public static bool IsDiskFull(IOException e) => _diskFull.Contains(e.HResult);
}
