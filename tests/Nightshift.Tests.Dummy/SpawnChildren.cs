using System.Diagnostics;

namespace Nightshift.Tests.Dummy;

/// <summary>
/// A process tree that resists a graceful stop: starts COUNT children of this program in
/// <c>ignore-sigterm</c> mode (they inherit stdout, so they hold the runner's pipe open), prints
/// <c>parent &lt;pid&gt;</c> and <c>child &lt;pid&gt;</c> once each child is ready, then "ready" on stderr, then
/// ignores SIGTERM itself and sleeps SECONDS. With the option <c>new-group</c> the children are started
/// through setsid, so they leave this process group and only a walk of the tree can find them.
/// </summary>
internal static class SpawnChildren
{
    public static int Run(string count, string seconds, string[] options)
    {
        using var registration = IgnoreSigterm.Ignore();
        var newGroup = options.Contains("new-group");
        var sleep = Arguments.Seconds(seconds);
        Console.Out.WriteLine($"parent {Environment.ProcessId}");
        for (var i = 0; i < Arguments.Int(count); i++)
        {
            var child = StartChild(newGroup, sleep + TimeSpan.FromSeconds(60));
            // The child prints "ready" on stderr once it ignores SIGTERM; waiting for it keeps the tests honest.
            _ = child.StandardError.ReadLine();
            Console.Out.WriteLine($"child {child.Id}");
        }

        Console.Error.WriteLine("ready");
        Thread.Sleep(sleep);
        return 0;
    }

    private static Process StartChild(bool newGroup, TimeSpan sleep)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(newGroup ? "/usr/bin/setsid" : self) { RedirectStandardError = true };
        if (newGroup)
        {
            start.ArgumentList.Add(self);
        }

        start.ArgumentList.Add("ignore-sigterm");
        start.ArgumentList.Add(sleep.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Process.Start(start)!;
    }
}
