using System.Runtime.InteropServices;

namespace Nightshift.Tests.Dummy;

/// <summary>
/// A stubborn process: SIGTERM is caught and ignored, so only SIGKILL ends it. It says "ready" on stderr
/// once the handler is in place, so a test (or a parent) can wait for that before it stops it.
/// </summary>
internal static class IgnoreSigterm
{
    public static int Run(string seconds)
    {
        using var registration = Ignore();
        Console.Error.WriteLine("ready");
        Thread.Sleep(Arguments.Seconds(seconds));
        return 0;
    }

    public static PosixSignalRegistration Ignore() =>
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = true);
}
