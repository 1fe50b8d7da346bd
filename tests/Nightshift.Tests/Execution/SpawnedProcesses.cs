using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Nightshift.Execution;

namespace Nightshift.Tests.Execution;

/// <summary>
/// The PIDs the dummy's <c>spawn-children</c> mode prints (<c>parent N</c>, <c>child N</c>), each recorded
/// with its start time while it surely runs, so a later check never mistakes a reused PID for a survivor.
/// Reads /proc itself rather than trusting the code under test.
/// </summary>
internal sealed class SpawnedProcesses : IDisposable
{
    private readonly ConcurrentDictionary<int, string> _seen = new();

    public int Count => _seen.Count;

    /// <summary>Hook for <see cref="CommandSpec.OnOutput"/>.</summary>
    public void Record(OutputLine line)
    {
        var words = line.Text.Split(' ');
        if (words is ["parent" or "child", var number]
            && int.TryParse(number, CultureInfo.InvariantCulture, out var pid))
        {
            // A process that already exited (and was reaped) before its line got here has no start time:
            // it still counts as seen, and as gone.
            _seen[pid] = StartTime(pid) ?? Gone;
        }
    }

    /// <summary>
    /// The recorded processes still alive once the kernel had a moment to finish them off: a killed process
    /// is gone (or a zombie) only after the kernel tears it down, which is asynchronous.
    /// </summary>
    public async Task<IReadOnlyList<int>> SurvivorsAsync()
    {
        var bound = Stopwatch.StartNew();
        while (true)
        {
            var alive = _seen.Where(entry => IsAlive(entry.Key, entry.Value)).Select(entry => entry.Key).ToList();
            if (alive.Count == 0 || bound.Elapsed > TimeSpan.FromSeconds(5))
            {
                return alive;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Leaves nothing behind for the next test, whatever the assertions said.</summary>
    public void Dispose()
    {
        foreach (var (pid, started) in _seen)
        {
            if (IsAlive(pid, started))
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                }
                catch (ArgumentException)
                {
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
    }

    private const string Gone = "gone";

    private static bool IsAlive(int pid, string started) =>
        started != Gone && Stat(pid) is { } fields && fields[19] == started && fields[0] is not ("Z" or "X");

    private static string? StartTime(int pid) => Stat(pid)?[19];

    /// <summary>The fields of /proc/PID/stat after the command name (state first; see proc_pid_stat(5)).</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
