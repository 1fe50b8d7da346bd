using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Crashes.Formats;

/// <summary>
/// Rust panics: "thread 'main' (12289) panicked at src/config.rs:18:43:" then the message (Rust
/// 1.73+; the thread id came in 1.91), or the older "thread 'main' panicked at 'message',
/// src/main.rs:5:9"; then, with RUST_BACKTRACE=1 or full, "stack backtrace:" and numbered frames
/// each followed by an "at file:line:column" line. The faulting frame is the panic location, named
/// after the backtrace frame at that location when there is one.
/// </summary>
internal sealed partial class RustPanicFormat : ICrashFormat
{
    public bool Matches(string text) => Header().IsMatch(text);

    public CrashRecord? Parse(string text)
    {
        var lines = ReportLines.Split(text);
        if (ReportLines.FirstMatch(lines, Header()) is not (var start, var header))
            return null;

        var tail = header.Groups["tail"].Value;
        string message;
        Match location;
        var next = start + 1;
        if (OldStyle().Match(tail) is { Success: true } old)
        {
            message = old.Groups["message"].Value;
            location = Location().Match(old.Groups["location"].Value);
        }
        else
        {
            location = Location().Match(tail.TrimEnd(':'));
            var body = lines.Skip(next).TakeWhile(line => !IsTrailer(line)).ToList();
            next += body.Count;
            message = string.Join("\n", body).Trim();
        }

        if (!location.Success || message.Length == 0 || next >= lines.Length)
            return null; // cut before the message ended: the trailer ("note: ..." / "stack backtrace:") is not written yet

        var frames = Backtrace(lines, next);
        if (frames is null)
            return null;

        var file = location.Groups["file"].Value;
        var line = ReportLines.Int(location.Groups["line"].Value);
        var named = frames.FirstOrDefault(frame => frame.Line == line && frame.File is { } f && SameFile(f, file));
        var fault = new CrashFrame(named?.Function ?? "??", file, line);
        return new CrashRecord(CrashFormats.RustPanic, "panic", message, fault, frames, header.Groups["thread"].Value)
        {
            KindDetail = message.Split('\n')[0].Split(": ")[0],
        };
    }

    /// <summary>The frames after "stack backtrace:", none without one, null when it was cut before its first frame.</summary>
    private static List<CrashFrame>? Backtrace(string[] lines, int from)
    {
        var start = Array.FindIndex(lines, from, line => line.StartsWith("stack backtrace:", StringComparison.Ordinal));
        if (start < 0)
            return [];

        var frames = new List<CrashFrame>();
        for (var i = start + 1; i < lines.Length; i++)
        {
            if (FrameLine().Match(lines[i]) is { Success: true } frame)
            {
                var function = CrateHash().Replace(frame.Groups["function"].Value.TrimEnd(), "");
                var address = frame.Groups["address"].Success ? frame.Groups["address"].Value : null;
                frames.Add(new CrashFrame(function, null, null, Address: address));
            }
            else if (AtLine().Match(lines[i]) is { Success: true } at && frames.Count > 0)
            {
                frames[^1] = frames[^1] with { File = at.Groups["file"].Value, Line = ReportLines.Int(at.Groups["line"].Value) };
            }
            else
            {
                break;
            }
        }

        return frames.Count == 0 ? null : frames;
    }

    private static bool IsTrailer(string line) =>
        line.StartsWith("note: ", StringComparison.Ordinal) || line.StartsWith("stack backtrace:", StringComparison.Ordinal);

    private static bool SameFile(string backtraceFile, string panicFile) =>
        backtraceFile == panicFile || backtraceFile.EndsWith("/" + panicFile, StringComparison.Ordinal);

    [GeneratedRegex(@"^thread '(?<thread>[^']*)'(?: \(\d+\))? panicked at (?<tail>.+)$", RegexOptions.Multiline)]
    private static partial Regex Header();

    [GeneratedRegex(@"^'(?<message>.*)', (?<location>[^ ]+)$")]
    private static partial Regex OldStyle();

    [GeneratedRegex(@"^(?<file>.+):(?<line>\d+):(?<column>\d+)$")]
    private static partial Regex Location();

    [GeneratedRegex(@"^\s*\d+:\s+(?:(?<address>0x[0-9a-f]+) - )?(?<function>\S.*)$")]
    private static partial Regex FrameLine();

    [GeneratedRegex(@"^\s+at (?<file>.+?):(?<line>\d+)(?::\d+)?$")]
    private static partial Regex AtLine();

    // Legacy mangling's per-build hash suffix (::h0123456789abcdef); v0 crate hashes ([e28293b1aa0f68bd]) stay.
    [GeneratedRegex(@"::h[0-9a-f]{16}$")]
    private static partial Regex CrateHash();
}
