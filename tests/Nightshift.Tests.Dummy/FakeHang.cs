using System.Diagnostics;

namespace Nightshift.Tests.Dummy;

/// <summary>
/// A hung agent: starts a child (this program, sleeping), prints one line naming both processes
/// (<c>hanging: parent PID child PID</c>), then sleeps without a word until it is killed.
/// </summary>
internal static class FakeHang
{
    public static int Run()
    {
        using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["sleep", "600"]))!;
        Console.Out.WriteLine($"hanging: parent {Environment.ProcessId} child {child.Id}");
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
        return 0;
    }
}
