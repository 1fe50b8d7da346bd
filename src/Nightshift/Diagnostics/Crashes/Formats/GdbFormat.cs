using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Crashes.Formats;

/// <summary>
/// gdb backtraces: a live run ("Program received signal SIGSEGV, Segmentation fault." or
/// 'Thread 2 "server" received signal ...', as <c>gdb -batch -ex run -ex bt</c> prints) or a core
/// file ("Program terminated with signal SIGSEGV, ..."), followed by "#N  0x... in f (args) at
/// file:line" frames, with <c>bt full</c>'s locals between them. With <c>thread apply all bt</c>
/// every thread's stack follows under its "Thread N (Thread 0x... (LWP n) "name"):" header; the
/// crash is the stack of the thread that received the signal (or, in a core, gdb's "[Current
/// thread is N ...]"), whatever order the threads come in. Without headers the first backtrace is
/// the crashing thread's. Complete once that backtrace has a frame.
/// </summary>
internal sealed partial class GdbFormat : ICrashFormat
{
    public bool Matches(string text) => Signal().IsMatch(text);

    public CrashRecord? Parse(string text)
    {
        var lines = ReportLines.Split(text);
        if (ReportLines.FirstMatch(lines, Signal()) is not (var start, var signal))
            return null;

        var number = signal.Groups["number"].Success
            ? signal.Groups["number"].Value
            : ReportLines.FirstMatch(lines, CurrentThread()) is (_, var current) ? current.Groups["number"].Value : null;
        var section = number is null ? -1 : Array.FindIndex(lines, start + 1, line => ThreadHeader().Match(line) is { Success: true } h && h.Groups["number"].Value == number);
        var frames = FirstBacktrace(lines, section >= 0 ? section + 1 : start + 1);
        if (frames.Count == 0)
            return null;

        var thread = signal.Groups["thread"].Success ? signal.Groups["thread"].Value : null;
        var message = signal.Groups["message"].Value.TrimEnd('.');
        return new CrashRecord(CrashFormats.Gdb, signal.Groups["signal"].Value, message, frames[0], frames, thread);
    }

    /// <summary>
    /// The frames of the first backtrace after <paramref name="from"/>. Reading a core file, gdb
    /// first shows frame #0 alone (followed by its source line) and then the whole backtrace; a
    /// lone frame followed by a longer backtrace is that preview, not the backtrace. A stack ends
    /// at a line that is neither a frame nor one of <c>bt full</c>'s locals.
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
            else if (block is not null && IsLocals(lines[i]))
            {
                continue;
            }
            else if (!lines[i].StartsWith("Backtrace stopped", StringComparison.Ordinal))
            {
                block = null;
                if (blocks.Count > 0 && blocks[^1].Count > 1)
                    break; // the next thread's stack
            }
        }

        return blocks switch
        {
            [] => [],
            [{ Count: 1 }, { Count: > 1 } next, ..] => next,
            [var first, ..] => first,
        };
    }

    // bt full prints each frame's locals indented below it, or one of these when it has none.
    private static bool IsLocals(string line) =>
        (line.Length > 0 && char.IsWhiteSpace(line[0]) && line.Trim().Length > 0)
        || line is "No locals." or "No symbol table info available.";

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

    [GeneratedRegex(@"^(?:Program|Thread (?<thread>(?<number>\d+) ""[^""]*"")) (?:received|terminated with) signal (?<signal>SIG[A-Z0-9]+), (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex Signal();

    [GeneratedRegex(@"^Thread (?<number>\d+) \(.*\):$")]
    private static partial Regex ThreadHeader();

    [GeneratedRegex(@"^\[Current thread is (?<number>\d+) ")]
    private static partial Regex CurrentThread();

    [GeneratedRegex(@"^#(?<index>\d+)\s+(?:(?<address>0x[0-9a-f]+) in )?(?<rest>.+)$")]
    private static partial Regex FrameLine();

    [GeneratedRegex(@" at (?<file>[^ ]+):(?<line>\d+)$")]
    private static partial Regex At();

    [GeneratedRegex(@" from (?<module>[^ ]+)$")]
    private static partial Regex From();
}
