using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Crashes.Formats;

/// <summary>
/// TrinityCore (and AzerothCore) crash logs from WheatyExceptionReport on Windows: "Revision:
/// TrinityCore rev. &lt;hash&gt; ...", "Date d:m:y. Time h:m", "Exception code: C0000005
/// ACCESS_VIOLATION", "Fault address:  &lt;address&gt; &lt;section&gt;:&lt;offset&gt; &lt;module&gt;", then
/// "Call stack:" tables of "Address  Frame  Function+displacement  SourceFile line N" rows, the
/// crashing thread's first. Complete once the first table has a row.
/// </summary>
internal sealed partial class TrinityCoreFormat : ICrashFormat
{
    public bool Matches(string text) =>
        text.Contains("Exception code: ", StringComparison.Ordinal) && text.Contains("Call stack:", StringComparison.Ordinal);

    public CrashRecord? Parse(string text)
    {
        var lines = ReportLines.Split(text);
        var code = FindMatch(lines, ExceptionCode());
        if (code is null)
            return null;

        var frames = CallStack(lines);
        if (frames.Count == 0)
            return null;

        var name = code.Groups["name"].Value.Trim();
        var kind = name.Length > 0 ? name : code.Groups["code"].Value;
        var fault = FindMatch(lines, FaultAddress());
        var faultingFrame = frames[0];
        var message = $"exception {code.Groups["code"].Value}";
        if (fault is not null)
        {
            var module = fault.Groups["module"].Value.Trim();
            var address = fault.Groups["address"].Value;
            message += $" at {address} in {module}";
            faultingFrame = frames[0].Address == address
                ? frames[0] with { Module = module }
                : new CrashFrame("??", null, null, module, address, fault.Groups["offset"].Value);
        }

        if (FindMatch(lines, Detail()) is { } detail)
            message = detail.Groups["text"].Value.Trim();

        var revision = FindMatch(lines, Revision()) is { } r ? r.Groups["hash"].Success ? r.Groups["hash"].Value : r.Groups["full"].Value.Trim() : null;
        return new CrashRecord(CrashFormats.TrinityCore, kind, message, faultingFrame, frames, Revision: revision)
        {
            Timestamp = FindMatch(lines, Date())?.Groups["date"].Value.Trim(),
        };
    }

    /// <summary>The rows of the first "Call stack:" table (the crashing thread).</summary>
    private static List<CrashFrame> CallStack(string[] lines)
    {
        var frames = new List<CrashFrame>();
        var start = Array.FindIndex(lines, line => line.TrimEnd('\r') == "Call stack:");
        for (var i = start + 1; start >= 0 && i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("Address ", StringComparison.Ordinal))
                continue;
            if (Row().Match(line) is not { Success: true } row)
                break;

            frames.Add(Frame(row));
        }

        return frames;
    }

    private static CrashFrame Frame(Match row)
    {
        var address = row.Groups["address"].Value;
        var symbol = row.Groups["symbol"].Value;
        if (NoSymbol().Match(symbol) is { Success: true } logical)
            return new CrashFrame("??", null, null, logical.Groups["module"].Value, address, logical.Groups["offset"].Value);

        var plus = Displacement().Match(symbol);
        var function = plus.Success ? symbol[..plus.Index] : symbol;
        var file = row.Groups["file"].Success ? row.Groups["file"].Value : null;
        return new CrashFrame(function, file, ReportLines.Int(row.Groups["line"].Value), Address: address);
    }

    private static Match? FindMatch(string[] lines, Regex regex) =>
        lines.Select(line => regex.Match(line.TrimEnd('\r'))).FirstOrDefault(match => match.Success);

    [GeneratedRegex(@"^Exception code: (?<code>[0-9A-F]{8})(?: (?<name>.*))?$")]
    private static partial Regex ExceptionCode();

    [GeneratedRegex(@"^Fault address:\s+(?<address>[0-9A-F]+) (?<offset>[0-9A-F]+:[0-9A-F]+) (?<module>.+)$")]
    private static partial Regex FaultAddress();

    // An assertion's message or an uncaught C++ exception's what(), when the handler could read it.
    [GeneratedRegex(@"^(?:Assertion message|Uncaught C\+\+ exception info):(?<text>.+)$")]
    private static partial Regex Detail();

    [GeneratedRegex(@"^Revision: (?<full>(?:\S+ rev\. (?<hash>[0-9a-f]{7,40})\b)?.*)$")]
    private static partial Regex Revision();

    [GeneratedRegex(@"^Date (?<date>.+)$")]
    private static partial Regex Date();

    [GeneratedRegex(@"^(?<address>[0-9A-F]{8,16})  (?<frame>[0-9A-F]{8,16})  (?<symbol>.+?)(?:  (?<file>.+) line (?<line>\d+))?$")]
    private static partial Regex Row();

    [GeneratedRegex(@"^(?<offset>[0-9A-F]{4}:[0-9A-F]+) (?<module>.+)$")]
    private static partial Regex NoSymbol();

    [GeneratedRegex(@"\+[0-9A-F]+$")]
    private static partial Regex Displacement();
}
