using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>Line handling shared by the text parsers.</summary>
internal static partial class OutputText
{
    /// <summary>
    /// The lines of <paramref name="output"/> without terminal escapes: tools colour their output
    /// when forced to (tsc --pretty, cargo --color always, a pty) and the terminal logger wraps
    /// codes in OSC 8 hyperlinks. CRLF line ends (a pty, Windows logs) count as LF.
    /// </summary>
    public static string[] Lines(string output)
    {
        var lines = StripAnsi(output).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd('\r');
        }

        return lines;
    }

    public static string StripAnsi(string text) =>
        text.Contains('\u001b', StringComparison.Ordinal) ? AnsiEscape().Replace(text, "") : text;

    // CSI (colours, cursor moves), OSC terminated by BEL or ST (hyperlinks, titles), and the
    // two-character escapes (keypad mode and the like) that a pty capture contains.
    [GeneratedRegex(@"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_=>]")]
    private static partial Regex AnsiEscape();
}
