using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Crashes.Formats;

/// <summary>
/// CPython tracebacks: "Traceback (most recent call last):", "  File "x.py", line 5, in f" frames
/// (most recent last, reversed here to top of stack first) with their source and caret lines,
/// then "KeyError: 'kiwi'". Chained exceptions ("The above exception was the direct cause of the
/// following exception:", "During handling of the above exception, another exception occurred:")
/// become related traces of the last one, which is the crash. Complete once the last traceback has
/// its exception line.
/// </summary>
internal sealed partial class PythonFormat : ICrashFormat
{
    private const string TracebackHeader = "Traceback (most recent call last):";
    private const string CauseSeparator = "The above exception was the direct cause of the following exception:";
    private const string ContextSeparator = "During handling of the above exception, another exception occurred:";

    public bool Matches(string text) => text.Contains(TracebackHeader, StringComparison.Ordinal);

    public CrashRecord? Parse(string text)
    {
        var lines = ReportLines.Split(text);
        var start = Array.IndexOf(lines, TracebackHeader);
        if (start < 0)
            return null;

        var thread = start > 0 && ThreadLine().Match(lines[start - 1]) is { Success: true } t ? t.Groups["thread"].Value : null;
        var chain = new List<(CrashTrace Trace, string Role)>();
        var role = CrashTraceRoles.Context;
        var i = start;
        while (true)
        {
            var trace = Traceback(lines, ref i);
            if (trace is null)
                return null;

            chain.Add((trace, role));
            var separator = NextNonBlank(lines, i);
            if (separator < 0 || lines[separator] is not (CauseSeparator or ContextSeparator))
                break;

            role = lines[separator] == CauseSeparator ? CrashTraceRoles.Cause : CrashTraceRoles.Context;
            i = NextNonBlank(lines, separator + 1);
            if (i < 0 || lines[i] != TracebackHeader)
                return null; // cut after a separator: the final exception is not written yet
        }

        // Each exception's role says how it relates to the one after it, so the crash's related
        // traces are the earlier exceptions, nearest first, each with the role of the link below it.
        var crash = chain[^1].Trace;
        var related = new List<CrashTrace>();
        for (var k = chain.Count - 2; k >= 0; k--)
            related.Add(chain[k].Trace with { Role = chain[k + 1].Role });

        var frames = crash.Frames;
        return new CrashRecord(CrashFormats.Python, crash.Kind!, crash.Message!, frames.Count > 0 ? frames[0] : null, frames, thread)
        {
            Related = related,
        };
    }

    /// <summary>One "Traceback ..." block from <paramref name="i"/>, leaving <paramref name="i"/> after its exception line.</summary>
    private static CrashTrace? Traceback(string[] lines, ref int i)
    {
        var frames = new List<CrashFrame>();
        for (i++; i < lines.Length; i++)
        {
            if (FrameLine().Match(lines[i]) is { Success: true } frame)
            {
                var function = frame.Groups["function"].Success ? frame.Groups["function"].Value : "<module>";
                frames.Add(new CrashFrame(function, frame.Groups["file"].Value, ReportLines.Int(frame.Groups["line"].Value)));
            }
            else if (lines[i].StartsWith(' ') || lines[i].Length == 0)
            {
                continue; // source, caret and "[Previous line repeated N more times]" lines
            }
            else if (ExceptionLine().Match(lines[i]) is { Success: true } exception && i + 1 < lines.Length)
            {
                // The exception line must be followed by something (at least the final newline):
                // a file cut in the middle of it is not complete.
                i++;
                frames.Reverse();
                return new CrashTrace(CrashTraceRoles.Context, frames, exception.Groups["type"].Value, exception.Groups["message"].Value);
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    private static int NextNonBlank(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
                return i;
        }

        return -1;
    }

    [GeneratedRegex(@"^  File ""(?<file>[^""]+)"", line (?<line>\d+)(?:, in (?<function>.+))?$")]
    private static partial Regex FrameLine();

    [GeneratedRegex(@"^(?<type>[A-Za-z_][\w.]*)(?:: (?<message>.*))?$")]
    private static partial Regex ExceptionLine();

    [GeneratedRegex(@"^Exception in thread (?<thread>.+):$")]
    private static partial Regex ThreadLine();
}
