using System.Diagnostics;

namespace Nightshift.Tests.BurnDown;

/// <summary>A <c>nightshift</c> process started by a test, its output drained as it goes.</summary>
public sealed class RunningNight : IDisposable
{
    private readonly NightRepo _repo;
    private readonly IReadOnlyDictionary<string, int> _before;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    // before: how many events of each kind events.jsonl held before the process started.
    public RunningNight(NightRepo repo, IReadOnlyDictionary<string, int> before, Process process)
    {
        _repo = repo;
        _before = before;
        Process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public Process Process { get; }

    /// <summary>Waits until this process has written <paramref name="count"/> events of <paramref name="kind"/>; fails if it ended first.</summary>
    public async Task WaitForEventAsync(string kind, int count = 1)
    {
        while (_repo.Events(kind).Count - _before.GetValueOrDefault(kind) < count)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException(
                    $"nightshift ended (exit {Process.ExitCode}) before {count} '{kind}' event(s):\n{await _stderr}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>SIGKILL: no handler runs, nothing is cleaned up.</summary>
    public async Task KillHardAsync()
    {
        Process.Kill();
        await Process.WaitForExitAsync();
        await Task.WhenAll(_stdout, _stderr);
    }

    /// <summary>SIGTERM, as a service manager or <c>kill</c> sends it.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task<(int ExitCode, string Stdout, string Stderr)> WaitAsync()
    {
        await Process.WaitForExitAsync();
        return (Process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
        }

        Process.Dispose();
    }
}
