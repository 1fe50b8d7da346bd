using System.Diagnostics;
using System.Globalization;
using Nightshift.Files;
using Nightshift.Sessions;

namespace Nightshift.Tests.Dummy;

/// <summary>
/// <c>dummy hold-lock &lt;repo&gt; &lt;seconds&gt; [program args...]</c>: takes the session lock of the repository &lt;repo&gt;,
/// prints <c>locked &lt;pid&gt;</c>, optionally starts program (like a session starts an agent) and
/// prints <c>child &lt;pid&gt;</c>, then sleeps. When refused, prints the refusal on stderr and exits 3.
/// </summary>
internal static class LockHolderMode
{
    public static int Run(string[] args)
    {
        try
        {
            using var sessionLock = SessionLock.Acquire(NightshiftPaths.For(args[0]), "hold-lock");
            Console.WriteLine($"locked {Environment.ProcessId}");
            if (args.Length > 2)
            {
                Console.WriteLine($"child {StartChild(args[2], args[3..])}");
            }

            Thread.Sleep(TimeSpan.FromSeconds(double.Parse(args[1], CultureInfo.InvariantCulture)));
            return 0;
        }
        catch (LockHeldException e)
        {
            Console.Error.WriteLine(e.Message);
            return e.ExitCode;
        }
    }

    private static int StartChild(string program, string[] args)
    {
        // Its own pipes, not ours: the test reading our stdout must not wait for the child too.
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var child = Process.Start(startInfo)!;
        return child.Id;
    }
}
