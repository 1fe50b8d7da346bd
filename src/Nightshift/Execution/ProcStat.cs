using System.Globalization;

namespace Nightshift.Execution;

/// <summary>
/// The fields of /proc/&lt;pid&gt;/stat the runner needs to find and identify a process tree.
/// StartTime (clock ticks since boot) tells a process from a later one that reuses its PID.
/// </summary>
internal readonly record struct ProcStat(int Pid, char State, int ParentPid, int GroupId, ulong StartTime)
{
    private const string ProcRoot = "/proc";

    /// <summary>A zombie (Z) or dead (X) entry only waits to be reaped: it runs no code and holds nothing.</summary>
    public bool IsAlive => State is not ('Z' or 'X');

    /// <summary>False where there is no /proc (macOS): there, only the process group can be reached.</summary>
    public static bool IsAvailable { get; } = Directory.Exists(ProcRoot);

    public static ProcStat? TryRead(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"{ProcRoot}/{pid}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process is gone (or was never there): the usual race with a tree that is exiting.
            return null;
        }
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
    public static ProcStat? Parse(string stat)
    {
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 1 || close < open || close + 2 >= stat.Length)
        {
            return null;
        }

        // After ')': [0] state, [1] ppid, [2] pgrp, ... [19] starttime (field 22 of the man page).
        var fields = stat[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20
            || !int.TryParse(stat.AsSpan(0, open).Trim(), CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent)
            || !int.TryParse(fields[2], CultureInfo.InvariantCulture, out var group)
            || !ulong.TryParse(fields[19], CultureInfo.InvariantCulture, out var started))
        {
            return null;
        }

        return new ProcStat(pid, fields[0][0], parent, group, started);
    }
}
