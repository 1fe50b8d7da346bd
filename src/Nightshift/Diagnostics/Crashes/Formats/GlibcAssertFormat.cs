using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Crashes.Formats;

/// <summary>
/// A failed <c>assert</c> as glibc prints it before aborting: "prog: src/main.cpp:8: int Check(int): Assertion `x &gt; 0'
/// failed.", usually followed by the shell's "Aborted". The function is gcc's <c>__PRETTY_FUNCTION__</c>, kept without
/// its return type and parameters. Complete once the assertion's line has ended.
/// </summary>
internal sealed partial class GlibcAssertFormat : ICrashFormat
{
    public const string Kind = "assertion failed";

    public bool Matches(string text) => text.Contains("' failed.", StringComparison.Ordinal);

    public CrashRecord? Parse(string text)
    {
        var lines = ReportLines.Split(text);
        if (ReportLines.FirstMatch(lines, Assertion()) is not (var start, var assertion) || start + 1 >= lines.Length)
            return null;

        var function = ReportLines.PrettyFunctionName(assertion.Groups["function"].Value);
        var frame = new CrashFrame(function, assertion.Groups["file"].Value, ReportLines.Int(assertion.Groups["line"].Value),
            Module: assertion.Groups["program"].Value);
        return new CrashRecord(CrashFormats.GlibcAssert, Kind, assertion.Groups["expression"].Value, frame, [frame]);
    }

    [GeneratedRegex(@"^(?<program>[^:\s][^:]*): (?<file>[^:]+):(?<line>\d+): (?<function>.+?): Assertion `(?<expression>.*)' failed\.$")]
    private static partial Regex Assertion();
}
