using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Crashes.Formats;

/// <summary>
/// .NET unhandled exceptions as the runtime prints them ("Unhandled exception. System.X: message")
/// or as a logger writes <c>Exception.ToString()</c>: the outer exception's header, one
/// " ---> Inner: message" line per inner exception, then the innermost exception's frames first,
/// each inner block closed by "--- End of inner exception stack trace ---", the outer frames last.
/// Async frames are the runtime's already-resolved method names; the "--- End of stack trace from
/// previous location ---" separators are skipped. Complete once every inner block is closed and
/// the outer exception has a frame.
/// </summary>
internal sealed partial class DotNetFormat : ICrashFormat
{
    private const string EndOfInner = "--- End of inner exception stack trace ---";

    public bool Matches(string text) => FrameLine().IsMatch(text) && Header().IsMatch(text);

    public CrashRecord? Parse(string text)
    {
        var lines = ReportLines.Split(text);
        var firstFrame = Array.FindIndex(lines, line => FrameLine().IsMatch(line));
        var start = firstFrame < 0 ? -1 : HeaderBefore(lines, firstFrame);
        if (start < 0)
            return null;

        // Between the header and the first frame: inner exception lines, and the continuation
        // lines of a message that spans several lines.
        var header = Header().Match(lines[start]);
        var exceptions = new List<(string Kind, string Message)> { (header.Groups["type"].Value, header.Groups["message"].Value) };
        for (var j = start + 1; j < firstFrame; j++)
        {
            if (Inner().Match(lines[j]) is { Success: true } inner)
                exceptions.Add((inner.Groups["type"].Value, inner.Groups["message"].Value));
            else
                exceptions[^1] = (exceptions[^1].Kind, $"{exceptions[^1].Message}\n{lines[j]}");
        }

        var i = firstFrame;
        // Frames come innermost exception first; each "End of inner exception" moves one level out.
        var stacks = exceptions.Select(_ => new List<CrashFrame>()).ToList();
        var level = exceptions.Count - 1;
        for (; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line == EndOfInner)
                level--;
            else if (FrameLine().Match(lines[i]) is { Success: true } frame && level >= 0)
                stacks[level].Add(Frame(frame));
            else if (line.Length > 0 && !line.StartsWith("--- End of stack trace", StringComparison.Ordinal))
                break;
        }

        if (level != 0 || stacks[0].Count == 0)
            return null;

        var frames = stacks[0];
        var related = exceptions.Skip(1)
            .Select((exception, index) => new CrashTrace(CrashTraceRoles.InnerException, stacks[index + 1], exception.Kind, exception.Message))
            .ToList();
        return new CrashRecord(CrashFormats.DotNet, exceptions[0].Kind, exceptions[0].Message, frames[0], frames) { Related = related };
    }

    /// <summary>The header line closest above the first frame (a log has other "A.B: text" lines before it).</summary>
    private static int HeaderBefore(string[] lines, int firstFrame)
    {
        for (var j = firstFrame - 1; j >= 0 && j >= firstFrame - 50; j--)
        {
            if (!Inner().IsMatch(lines[j]) && Header().IsMatch(lines[j]))
                return j;
        }

        return -1;
    }

    private static CrashFrame Frame(Match match) =>
        new(match.Groups["function"].Value,
            match.Groups["file"].Success ? match.Groups["file"].Value : null,
            ReportLines.Int(match.Groups["line"].Value));

    // The type is namespaced or ends in "Exception", so a sentence with a colon is not a header.
    [GeneratedRegex(@"^(?:Unhandled [Ee]xception[.:] )?(?<type>(?:[A-Za-z_][\w`+]*\.)+[A-Za-z_][\w`+]*|[A-Za-z_]\w*Exception): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex Header();

    [GeneratedRegex(@"^ ---> (?<type>[A-Za-z_][\w.`+]*): (?<message>.*)$")]
    private static partial Regex Inner();

    [GeneratedRegex(@"^[ \t]+at (?<function>[^\s(]+\(.*?\))(?: in (?<file>.+):line (?<line>\d+))?\s*$", RegexOptions.Multiline)]
    private static partial Regex FrameLine();
}
