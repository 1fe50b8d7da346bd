using System.Diagnostics;
using System.Globalization;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Sessions;

/// <summary>A real <c>dummy hold-lock &lt;repo&gt; &lt;seconds&gt;</c> process; killed on dispose.</summary>
internal sealed class LockHolderProcess : IDisposable
{
    private readonly Process _process;

    private LockHolderProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the holder; with <paramref name="child"/>, it starts that program once it holds the lock.</summary>
    public static LockHolderProcess Start(string repositoryRoot, int seconds = 30, params string[] child)
    {
        var startInfo = new ProcessStartInfo(Binaries.Dummy)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("hold-lock");
        startInfo.ArgumentList.Add(repositoryRoot);
        startInfo.ArgumentList.Add(seconds.ToString(CultureInfo.InvariantCulture));
        foreach (var arg in child)
        {
            startInfo.ArgumentList.Add(arg);
        }

        return new LockHolderProcess(Process.Start(startInfo)!);
    }

    /// <summary>The next line on stdout (<c>locked &lt;pid&gt;</c> first, once it holds the lock), null at the end.</summary>
    public Task<string?> ReadLineAsync() => _process.StandardOutput.ReadLineAsync();

    /// <summary>Everything it wrote on stdout and stderr; only for a process that has ended.</summary>
    public async Task<(string Out, string Err)> ReadOutputAsync() =>
        (await _process.StandardOutput.ReadToEndAsync(), await _process.StandardError.ReadToEndAsync());

    public async Task<LockHolderProcess> WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        return this;
    }

    /// <summary>SIGKILL: no cleanup code of the holder runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }

        _process.Dispose();
    }
}
