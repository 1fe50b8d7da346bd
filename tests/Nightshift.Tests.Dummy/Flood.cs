using System.Text;

namespace Nightshift.Tests.Dummy;

/// <summary>
/// Writes MEGABYTES of output as fast as it can, framed by a first and a last line a test can look for,
/// to prove the runner neither deadlocks on a full pipe nor keeps all of it in memory.
/// </summary>
internal static class Flood
{
    public static int Run(string megabytes)
    {
        var total = (long)Arguments.Int(megabytes) * 1024 * 1024;
        var line = Encoding.ASCII.GetBytes(new string('x', 99) + "\n");
        var block = new byte[line.Length * 655];
        for (var offset = 0; offset < block.Length; offset += line.Length)
        {
            line.CopyTo(block, offset);
        }

        using var output = Console.OpenStandardOutput();
        var first = Encoding.ASCII.GetBytes("flood start\n");
        var last = Encoding.ASCII.GetBytes("flood end\n");
        output.Write(first);
        var remaining = total - first.Length - last.Length;
        while (remaining > 0)
        {
            var count = (int)Math.Min(block.Length, remaining);
            output.Write(block, 0, count);
            remaining -= count;
        }

        output.Write(last);
        return 0;
    }
}
