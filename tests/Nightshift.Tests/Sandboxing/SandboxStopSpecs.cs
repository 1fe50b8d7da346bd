using System.Globalization;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Sandboxing;

/// <summary>
/// The runner's stop (SIGTERM to the process group, SIGKILL after the grace period) reaches everything inside the
/// sandbox: bubblewrap stays in the runner's group (no <c>--new-session</c>), and its PID namespace dies with it.
/// </summary>
public sealed class SandboxStopSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task A_confined_tree_that_ignores_SIGTERM_is_gone_after_its_timeout()
    {
        using var dir = new TempDir("sandbox-stop");
        // A duration no other process on the machine sleeps, to find survivors by their command line.
        var marker = $"297.{Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture)}";
        var spec = CommandSpec.Of("sh", "-c", $"trap '' TERM; (trap '' TERM; sleep {marker}) & sleep {marker}; wait") with
        {
            WorkingDirectory = dir.Path,
            Timeout = TimeSpan.FromSeconds(2),
            GracePeriod = TimeSpan.FromMilliseconds(500),
            Confinement = Confinement.Of(dir.Path),
        };

        var result = await TestSandbox.Runner().RunAsync(spec);

        result.StopCause.Should().Be(StopCause.TimedOut);
        result.CommandLine.Should().StartWith("sh -c", "the result names the command as asked, not bwrap");
        Survivors(marker).Should().BeEmpty();
    }

    private static List<string> Survivors(string marker) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(process => Path.Combine(process, "cmdline"))
            .Select(file =>
            {
                try
                {
                    return File.ReadAllText(file).Replace('\0', ' ');
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return "";
                }
            })
            .Where(command => command.Contains(marker, StringComparison.Ordinal))];
}
