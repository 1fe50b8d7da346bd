namespace Nightshift.Tests.Dummy;

/// <summary>Output with gaps, for idle-timeout tests.</summary>
internal static class Chatter
{
    /// <summary>One line, a silence of SECONDS, another line.</summary>
    public static int SilentThen(string seconds)
    {
        Console.Out.WriteLine("before the silence");
        Thread.Sleep(Arguments.Seconds(seconds));
        Console.Out.WriteLine("after the silence");
        return 0;
    }

    /// <summary>COUNT lines, one every MILLISECONDS, alternating stdout and stderr: either stream is a sign of life.</summary>
    public static int Tick(string count, string milliseconds)
    {
        var interval = TimeSpan.FromMilliseconds(Arguments.Int(milliseconds));
        for (var i = 1; i <= Arguments.Int(count); i++)
        {
            var writer = i % 2 == 0 ? Console.Error : Console.Out;
            writer.WriteLine($"tick {i}");
            Thread.Sleep(interval);
        }

        return 0;
    }
}
