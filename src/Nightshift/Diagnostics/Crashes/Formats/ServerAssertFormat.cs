using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Crashes.Formats;

/// <summary>
/// The assertion output of TrinityCore, AzerothCore, CMaNGOS and the servers that copied their
/// <c>Errors.cpp</c> (<c>"\n%s:%i in %s ASSERTION FAILED:\n  %s\n"</c>): "/path/src/server/game/Entities/Object/Object.h:534
/// in GetMap ASSERTION FAILED:", the expression (and the message, when the assertion has one) on the lines below, then
/// usually the deliberate "Segmentation fault" the server crashes itself with. The function is the bare
/// <c>__FUNCTION__</c> name. Complete once the expression's line has ended.
/// </summary>
internal sealed partial class ServerAssertFormat : ICrashFormat
{
    public bool Matches(string text) => text.Contains(" ASSERTION FAILED:", StringComparison.Ordinal) || text.Contains(" FATAL ERROR:", StringComparison.Ordinal);

    public CrashRecord? Parse(string text)
    {
        var lines = ReportLines.Split(text);
        if (ReportLines.FirstMatch(lines, Header()) is not (var start, var header)
            || start + 2 >= lines.Length || lines[start + 1].Trim().Length == 0)
            return null;

        // The expression, then the indented message lines the assertion added; the log or the crash that follows ends them.
        var body = lines.Skip(start + 2).Take(lines.Length - start - 3)
            .TakeWhile(line => line.Length > 0 && char.IsWhiteSpace(line[0]) && line.Trim().Length > 0)
            .Prepend(lines[start + 1])
            .Select(line => line.Trim())
            .ToList();
        var frame = new CrashFrame(header.Groups["function"].Value, header.Groups["file"].Value, ReportLines.Int(header.Groups["line"].Value));
        return new CrashRecord(CrashFormats.ServerAssert, header.Groups["kind"].Value, string.Join("\n", body), frame, [frame]);
    }

    [GeneratedRegex(@"^(?<file>\S.*?):(?<line>\d+) in (?<function>\S+) (?<kind>ASSERTION FAILED|FATAL ERROR):\s*$")]
    private static partial Regex Header();
}
