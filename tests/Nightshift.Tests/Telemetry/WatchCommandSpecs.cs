using System.Diagnostics;
using System.Text;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Telemetry;

public sealed class WatchCommandSpecs : IDisposable
{
    private readonly TempDir _repo = new("watch-tty");

    public WatchCommandSpecs() => _repo.Write("nightshift.yml", "version: 1\n");

    private string NightshiftDirectory => _repo[".nightshift"];

    [Fact(Timeout = 90_000)]
    public async Task In_a_terminal_watch_redraws_until_the_status_says_the_session_ended()
    {
        var running = StatusFileSpecs.Status(clusters: 2);
        StatusFile.Write(Path.Combine(NightshiftDirectory, "status.json"), running);
        using var held = SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "run");
        using var watch = StartInTerminal("watch --interval 0.2");
        var screen = new StringBuilder();
        var reading = ReadAllAsync(watch, screen);

        await WaitForAsync(screen, "running · phase burn-down");
        StatusFile.Write(Path.Combine(NightshiftDirectory, "status.json"), running with { State = SessionState.Ended, StopReason = "time-budget" });
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await watch.WaitForExitAsync(deadline.Token);
        await reading;

        watch.ExitCode.Should().Be(ExitCodes.Ok);
        screen.ToString().Should().Contain("ended · time-budget").And.Contain("\u001b[?25h", "the cursor Live hid is shown again");
    }

    public void Dispose() => _repo.Dispose();

    // util-linux script(1) gives the CLI a pseudo-terminal, as a person's shell would: stdout is not redirected
    // there. Its size is the default 80x24, smaller than a frame, so the test also sees what cropping keeps.
    private Process StartInTerminal(string arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var startInfo = new ProcessStartInfo("script")
        {
            WorkingDirectory = _repo.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-q", "-e", "-f", "-c", $"'{dotnet}' '{Binaries.CliAssembly}' {arguments}", "/dev/null" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["TERM"] = "xterm-256color";
        startInfo.Environment.Remove("NO_COLOR");
        return Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start script(1).");
    }

    private static async Task ReadAllAsync(Process process, StringBuilder screen)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            lock (screen)
            {
                screen.Append(buffer, 0, read);
            }
        }
    }

    private static async Task WaitForAsync(StringBuilder screen, string text)
    {
        for (var i = 0; i < 600; i++)
        {
            lock (screen)
            {
                if (screen.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return;
                }
            }

            await Task.Delay(50);
        }

        lock (screen)
        {
            throw new TimeoutException($"'{text}' never appeared on the screen:\n{screen}");
        }
    }
}
