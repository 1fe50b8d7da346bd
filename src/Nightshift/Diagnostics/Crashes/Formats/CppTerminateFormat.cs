using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Crashes.Formats;

/// <summary>
/// An uncaught C++ exception as libstdc++'s verbose terminate handler prints it: "terminate called after throwing an
/// instance of 'std::runtime_error'" and, for a <c>std::exception</c>, "  what():  bad packet size"; or "terminate called
/// without an active exception". The report names no frame: the exception type and its message are the crash. Complete
/// once the line after the header (the what() line, or whatever follows an exception without one) has ended.
/// </summary>
internal sealed partial class CppTerminateFormat : ICrashFormat
{
    private const string WhatPrefix = "  what():  ";

    public bool Matches(string text) => text.Contains("terminate called ", StringComparison.Ordinal);

    public CrashRecord? Parse(string text)
    {
        var lines = ReportLines.Split(text);
        if (ReportLines.FirstMatch(lines, Header()) is not (var start, var header) || start + 1 >= lines.Length)
            return null;

        if (!header.Groups["type"].Success)
            return new CrashRecord(CrashFormats.CppTerminate, "std::terminate", lines[start].Trim(), null, []);

        if (start + 2 >= lines.Length)
            return null; // the what() line may still be on its way

        var message = lines[start + 1].StartsWith(WhatPrefix, StringComparison.Ordinal) ? lines[start + 1][WhatPrefix.Length..].Trim() : "";
        return new CrashRecord(CrashFormats.CppTerminate, header.Groups["type"].Value, message, null, []);
    }

    [GeneratedRegex(@"^terminate called (?:after throwing an instance of '(?<type>.+)'|without an active exception|recursively)\s*$")]
    private static partial Regex Header();
}
