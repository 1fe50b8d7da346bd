using System.Diagnostics;

namespace Nightshift.Tests.BurnDown;

/// <summary>A <c>nightshift</c> process started by a test, its output drained as it goes.</summary>
public sealed class RunningNight : IDisposable
{
    private readonly NightRepo _repo;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    public RunningNight(NightRepo repo, Process process)
    {
        _repo = repo;
        Process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public Process Process { get; }

    /// <summary>Waits until events.jsonl holds <paramref name="count"/> events of <paramref name="kind"/>; fails if the process ended first.</summary>
    public async Task WaitForEventAsync(string kind, int count = 1)
    {
        while (_repo.Events(kind).Count < count)
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
