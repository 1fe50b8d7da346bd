using Nightshift.Execution;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Execution;

/// <summary>A detached process's uptime and resident memory, read from /proc as crash-watch reports them for the service.</summary>
public sealed class ProcessUsageSpecs : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact(Timeout = 30_000)]
    public async Task A_running_process_has_an_uptime_that_grows_and_a_resident_size_and_none_once_stopped()
    {
        using var process = new ProcessRunner().StartDetached(CommandSpec.Of("sleep", "30"), Path.Combine(_dir.Path, "sleep.log"));

        var first = process.Usage();
        await Task.Delay(300);
        var later = process.Usage();
        await process.StopAsync(TimeSpan.FromSeconds(2), alreadyAsked: false, CancellationToken.None);

        first.Should().NotBeNull();
        later!.Uptime.Should().BeGreaterThan(first!.Uptime);
        later.ResidentBytes.Should().BeGreaterThan(0).And.BeLessThan(1L << 30, "sleep is small");
        process.Usage().Should().BeNull("a stopped process has no usage");
    }

    [Fact(Timeout = 30_000)]
    public async Task VmRSS_is_read_in_bytes_and_its_absence_is_unknown_not_zero()
    {
        await Task.CompletedTask;
        ProcessUsage.ResidentBytesOf(["Name:\tsleep", "VmPeak:\t    8000 kB", "VmRSS:\t    1536 kB", "RssAnon:\t 100 kB"]).Should().Be(1536 * 1024);
        ProcessUsage.ResidentBytesOf(["Name:\tkthreadd", "State:\tS (sleeping)"]).Should().BeNull();
    }

    public void Dispose() => _dir.Dispose();
}
