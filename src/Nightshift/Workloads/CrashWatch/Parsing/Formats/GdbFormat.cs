using System.Text.RegularExpressions;

namespace Nightshift.Workloads.CrashWatch.Parsing.Formats;

/// <summary>
/// gdb backtraces: a live run ("Program received signal SIGSEGV, Segmentation fault." or
/// 'Thread 2 "server" received signal ...', as <c>gdb -batch -ex run -ex bt</c> prints) or a core
/// file ("Program terminated with signal SIGSEGV, ..."), followed by "#N  0x... in f (args) at
/// file:line" frames. Only the first backtrace counts (the crashing thread's); complete once it
/// has a frame.
/// </summary>
internal sealed partial class GdbFormat : ICrashFormat
{
    public bool Matches(string text) => Signal().IsMatch(text);

    public CrashRecord? Parse(string text)
    {
        var lines = ReportLines.Split(text);
        if (ReportLines.FirstMatch(lines, Signal()) is not (var start, var signal))
            return null;

        var frames = FirstBacktrace(lines, start + 1);
        if (frames.Count == 0)
            return null;

        var thread = signal.Groups["thread"].Success ? signal.Groups["thread"].Value : null;
        var message = signal.Groups["message"].Value.TrimEnd('.');
        return new CrashRecord(CrashFormats.Gdb, signal.Groups["signal"].Value, message, frames[0], frames, thread);
    }

    /// <summary>
    /// The frames of the first backtrace after <paramref name="from"/>. Reading a core file, gdb
    /// first shows frame #0 alone (followed by its source line) and then the whole backtrace; a
    /// lone frame followed by a longer backtrace is that preview, not the backtrace.
    /// </summary>
    private static List<CrashFrame> FirstBacktrace(string[] lines, int from)
    {
        var blocks = new List<List<CrashFrame>>();
        List<CrashFrame>? block = null;
        for (var i = from; i < lines.Length; i++)
        {
            if (FrameLine().Match(lines[i]) is { Success: true } frame)
            {
                if (block is null || frame.Groups["index"].Value == "0")
                    blocks.Add(block = []);
                block.Add(Frame(frame));
            }
            else if (!lines[i].StartsWith("Backtrace stopped", StringComparison.Ordinal))
            {
                block = null;
            }
        }

        return blocks switch
        {
            [] => [],
            [{ Count: 1 }, { Count: > 1 } next, ..] => next,
            [var first, ..] => first,
        };
    }

    private static CrashFrame Frame(Match match)
    {
        var address = match.Groups["address"].Success ? match.Groups["address"].Value : null;
        var rest = match.Groups["rest"].Value.TrimEnd();
        string? file = null, module = null;
        int? line = null;

        if (At().Match(rest) is { Success: true } at)
        {
            file = at.Groups["file"].Value;
            line = ReportLines.Int(at.Groups["line"].Value);
            rest = rest[..at.Index];
        }
        else if (From().Match(rest) is { Success: true } from)
        {
            module = from.Groups["module"].Value;
            rest = rest[..from.Index];
        }

        return new CrashFrame(ReportLines.WithoutTrailingGroup(rest), file, line, module, address);
    }

    [GeneratedRegex(@"^(?:Program|Thread (?<thread>\d+ ""[^""]*"")) (?:received|terminated with) signal (?<signal>SIG[A-Z0-9]+), (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex Signal();

    [GeneratedRegex(@"^#(?<index>\d+)\s+(?:(?<address>0x[0-9a-f]+) in )?(?<rest>.+)$")]
    private static partial Regex FrameLine();

    [GeneratedRegex(@" at (?<file>[^ ]+):(?<line>\d+)$")]
    private static partial Regex At();

    [GeneratedRegex(@" from (?<module>[^ ]+)$")]
    private static partial Regex From();
}
