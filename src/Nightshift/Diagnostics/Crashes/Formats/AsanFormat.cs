using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Crashes.Formats;

/// <summary>
/// AddressSanitizer reports (gcc and clang): "==N==ERROR: AddressSanitizer: heap-use-after-free on
/// address ...", the access ("READ of size 4 at ... thread T0"), the crashing stack, then the
/// "freed by thread T0 here:" and "previously allocated by thread T0 here:" stacks. Complete once
/// the "SUMMARY: AddressSanitizer:" line, printed after every stack, is there.
/// </summary>
internal sealed partial class AsanFormat : ICrashFormat
{
    public bool Matches(string text) => text.Contains("ERROR: AddressSanitizer: ", StringComparison.Ordinal);

    public CrashRecord? Parse(string text)
    {
        var lines = ReportLines.Split(text);
        if (ReportLines.FirstMatch(lines, Error()) is not (var start, var error)
            || !lines.Skip(start).Any(line => line.StartsWith("SUMMARY: AddressSanitizer: ", StringComparison.Ordinal)))
            return null;

        var kind = error.Groups["kind"].Value;
        var message = (kind + error.Groups["rest"].Value).Trim();
        var thread = error.Groups["thread"].Success ? error.Groups["thread"].Value : null;
        MemoryAccess? access = null;
        var frames = new List<CrashFrame>();
        var related = new List<CrashTrace>();
        List<CrashFrame>? current = frames;

        foreach (var line in lines.Skip(start + 1))
        {
            if (line.StartsWith("SUMMARY: ", StringComparison.Ordinal))
                break;

            if (Access().Match(line) is { Success: true } a)
            {
                access = new MemoryAccess(a.Groups["op"].Value, ReportLines.Int(a.Groups["size"].Value), a.Groups["address"].Value);
                thread = a.Groups["thread"].Value;
            }
            else if (SignalAccess().Match(line) is { Success: true } s)
            {
                access = new MemoryAccess(s.Groups["op"].Value, null, UnknownAddress().Match(message).Groups[1].Value is { Length: > 0 } at ? at : null);
            }
            else if (RelatedHeader().Match(line) is { Success: true } r)
            {
                current = [];
                var role = r.Groups["what"].Value == "freed" ? CrashTraceRoles.FreedBy : CrashTraceRoles.AllocatedBy;
                related.Add(new CrashTrace(role, current, Thread: r.Groups["thread"].Value));
            }
            else if (FrameLine().Match(line) is { Success: true } f && current is not null)
            {
                current.Add(Frame(f));
            }
            else if (line.Trim().Length == 0 && current is { Count: > 0 })
            {
                // A stack ends at the first blank line after its frames; the lines before the
                // first frame ("==N==Hint: ...") are not a break.
                current = null;
            }
        }

        if (frames.Count == 0)
            return null;

        return new CrashRecord(CrashFormats.Asan, kind, message, frames[0], frames, thread)
        {
            Related = related,
            Access = access,
        };
    }

    private static CrashFrame Frame(Match match)
    {
        var address = match.Groups["address"].Value;
        var rest = BuildId().Replace(match.Groups["rest"].Value, "").TrimEnd();
        var function = match.Groups["in"].Success ? rest : "??";

        if (Module().Match(rest) is { Success: true } module)
        {
            var name = match.Groups["in"].Success ? rest[..module.Index].TrimEnd() : "??";
            return new CrashFrame(name, null, null, module.Groups["module"].Value, address, module.Groups["offset"].Value);
        }

        var space = rest.LastIndexOf(' ');
        if (match.Groups["in"].Success && space > 0 && SourceLocation().Match(rest[(space + 1)..]) is { Success: true } location)
            return new CrashFrame(rest[..space], location.Groups["file"].Value, ReportLines.Int(location.Groups["line"].Value), Address: address);

        return new CrashFrame(function, null, null, Address: address);
    }

    [GeneratedRegex(@"^==\d+==ERROR: AddressSanitizer: (?:attempting )?(?<kind>[\w-]+)(?<rest>.*?)(?: at pc 0x[0-9a-f]+.*| \(pc 0x[0-9a-f]+.*?(?<thread>T\d+)\))?$")]
    private static partial Regex Error();

    [GeneratedRegex(@"^(?<op>READ|WRITE) of size (?<size>\d+) at (?<address>0x[0-9a-f]+) thread (?<thread>T\d+)")]
    private static partial Regex Access();

    [GeneratedRegex(@"^==\d+==The signal is caused by a (?<op>READ|WRITE|UNKNOWN) memory access")]
    private static partial Regex SignalAccess();

    [GeneratedRegex(@"address (0x[0-9a-f]+)")]
    private static partial Regex UnknownAddress();

    [GeneratedRegex(@"^(?:previously )?(?<what>freed|allocated) by thread (?<thread>T\d+)(?: \([^)]*\))? here:")]
    private static partial Regex RelatedHeader();

    [GeneratedRegex(@"^\s+#\d+ (?<address>0x[0-9a-f]+)(?<in> in)? (?<rest>.*)$")]
    private static partial Regex FrameLine();

    [GeneratedRegex(@" \(BuildId: [0-9a-f]+\)$")]
    private static partial Regex BuildId();

    [GeneratedRegex(@"\((?<module>[^()]+)\+(?<offset>0x[0-9a-f]+)\)$")]
    private static partial Regex Module();

    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d+)(?::\d+)?$")]
    private static partial Regex SourceLocation();
}
