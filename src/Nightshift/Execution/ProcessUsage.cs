using System.Globalization;

namespace Nightshift.Execution;

/// <summary>How long a process has run and how much memory it holds, read from /proc (Linux); see proc_pid_status(5).</summary>
/// <param name="Uptime">Since the kernel started the process.</param>
/// <param name="ResidentBytes">Its resident set (VmRSS); null where the kernel does not say.</param>
public sealed record ProcessUsage(TimeSpan Uptime, long? ResidentBytes)
{
    // USER_HZ, the unit of /proc/<pid>/stat's start time: 100 on every Linux architecture .NET runs on (see time(7)).
    private const double TicksPerSecond = 100;

    /// <summary>The usage of the process <paramref name="pid"/> that started at <paramref name="startTime"/>; null when it is gone or there is no /proc.</summary>
    public static ProcessUsage? Read(int pid, ulong startTime)
    {
        if (ProcStat.TryRead(pid) is not { IsAlive: true } stat || stat.StartTime != startTime)
        {
            return null;
        }

        try
        {
            var bootSeconds = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
            var uptime = TimeSpan.FromSeconds(Math.Max(0, bootSeconds - (startTime / TicksPerSecond)));
            return new ProcessUsage(uptime, ResidentBytesOf(File.ReadLines($"/proc/{pid}/status")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null; // gone between the two reads
        }
    }

    /// <summary>VmRSS of a /proc/&lt;pid&gt;/status text ("VmRSS:	   12345 kB"), in bytes; null when absent (a kernel thread, a zombie).</summary>
    public static long? ResidentBytesOf(IEnumerable<string> statusLines)
    {
        ArgumentNullException.ThrowIfNull(statusLines);
        foreach (var line in statusLines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var parts = line["VmRSS:".Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                return parts.Length >= 1 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var kilobytes) ? kilobytes * 1024 : null;
            }
        }

        return null;
    }
}
