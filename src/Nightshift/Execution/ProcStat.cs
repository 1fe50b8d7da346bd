using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Nightshift.Execution;

/// <summary>
/// The fields of /proc/&lt;pid&gt;/stat the runner needs to find and identify a process tree.
/// StartTime (clock ticks since boot) tells a process from a later one that reuses its PID.
/// </summary>
internal readonly record struct ProcStat(int Pid, char State, int ParentPid, int GroupId, ulong StartTime)
{
    private const string ProcRoot = "/proc";

    // A stat line is a few hundred bytes: 52 numeric fields and a command name of at most 64 bytes.
    private const int StatBufferSize = 2048;

    /// <summary>A zombie (Z) or dead (X) entry only waits to be reaped: it runs no code and holds nothing.</summary>
    public bool IsAlive => State is not ('Z' or 'X');

    /// <summary>False where there is no /proc (macOS): there, only the process group can be reached.</summary>
    public static bool IsAvailable { get; } = Directory.Exists(ProcRoot);

    /// <remarks>
    /// Read into a stack buffer and parsed in place: the runner reads every process's stat after a command whose group
    /// outlives it (a sandbox's init waiting to be reaped, issue 17), so this runs hundreds of times per probe.
    /// </remarks>
    public static ProcStat? TryRead(int pid)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"{ProcRoot}/{pid}/stat");
        Span<byte> bytes = stackalloc byte[StatBufferSize];
        int read;
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path);
            read = RandomAccess.Read(handle, bytes, fileOffset: 0);
            if (read == bytes.Length)
            {
                return Parse(File.ReadAllText(path)); // longer than any stat line should be: read it whole
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process is gone (or was never there): the usual race with a tree that is exiting.
            return null;
        }

        Span<char> chars = stackalloc char[StatBufferSize];
        return Parse(chars[..Encoding.UTF8.GetChars(bytes[..read], chars)]);
    }

    /// <summary>Every process on the machine; empty where there is no /proc (macOS).</summary>
    public static IReadOnlyList<ProcStat> ReadAll()
    {
        if (!IsAvailable)
        {
            return [];
        }

        var all = new List<ProcStat>();
        foreach (var directory in Directory.EnumerateDirectories(ProcRoot))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && TryRead(pid) is { } stat)
            {
                all.Add(stat);
            }
        }

        return all;
    }

    /// <summary>
    /// Parses "pid (comm) state ppid pgrp session ... starttime ...". The command name may hold spaces and
    /// parentheses, so the fields are counted from the last ')'. See proc_pid_stat(5).
    /// </summary>
    public static ProcStat? Parse(ReadOnlySpan<char> stat)
    {
        var open = stat.IndexOf('(');
        var close = stat.LastIndexOf(')');
        if (open < 1 || close < open || close + 2 >= stat.Length
            || !int.TryParse(stat[..open].Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        // After ')': [0] state, [1] ppid, [2] pgrp, ... [19] starttime (field 22 of the man page).
        var fields = stat[(close + 2)..];
        Span<Range> ranges = stackalloc Range[21];
        if (fields.Split(ranges, ' ', StringSplitOptions.RemoveEmptyEntries) < 20
            || !int.TryParse(fields[ranges[1]], CultureInfo.InvariantCulture, out var parent)
            || !int.TryParse(fields[ranges[2]], CultureInfo.InvariantCulture, out var group)
            || !ulong.TryParse(fields[ranges[19]], CultureInfo.InvariantCulture, out var started))
        {
            return null;
        }

        return new ProcStat(pid, fields[ranges[0]][0], parent, group, started);
    }
}
