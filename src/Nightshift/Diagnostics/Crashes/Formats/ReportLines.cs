using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Crashes.Formats;

/// <summary>Small helpers the format parsers share; none of them throws on odd input.</summary>
internal static class ReportLines
{
    public static string[] Split(string text) => text.Split('\n');

    /// <summary>The first line that <paramref name="pattern"/> matches, with its index; null when none does.</summary>
    public static (int Index, Match Match)? FirstMatch(string[] lines, Regex pattern)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (pattern.Match(lines[i]) is { Success: true } match)
                return (i, match);
        }

        return null;
    }

    public static int? Int(string? digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// Splits "Map::RemoveFromMap (this=0x7ff..., creature=0x55...)" into the name and the trailing
    /// bracketed group, which may itself hold brackets ("SumHealth&lt;Creature&gt; (items=std::vector of length 2 = {...})").
    /// Returns the text unchanged when it does not end in a balanced group.
    /// </summary>
    public static string WithoutTrailingGroup(string text)
    {
        var trimmed = text.TrimEnd();
        if (!trimmed.EndsWith(')'))
            return trimmed;

        var depth = 0;
        for (var i = trimmed.Length - 1; i >= 0; i--)
        {
            if (trimmed[i] == ')')
                depth++;
            else if (trimmed[i] == '(' && --depth == 0)
                return i == 0 ? trimmed : trimmed[..i].TrimEnd();
        }

        return trimmed;
    }

    /// <summary>
    /// The qualified name in gcc's <c>__PRETTY_FUNCTION__</c>: "int Check(int)" is "Check", "virtual void
    /// Map::Update(uint32) const" is "Map::Update", "T Sum(T) [with T = int]" is "Sum".
    /// </summary>
    public static string PrettyFunctionName(string pretty)
    {
        var text = pretty.Trim();
        if (text.EndsWith(']') && text.LastIndexOf(" [with ", StringComparison.Ordinal) is var with and > 0)
            text = text[..with];

        var close = text.LastIndexOf(')');
        text = WithoutTrailingGroup(close > 0 ? text[..(close + 1)] : text);

        // The name is the last space-separated word outside template brackets; the return type comes before it.
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            depth += text[i] switch { '>' => 1, '<' => -1, _ => 0 };
            if (text[i] == ' ' && depth == 0)
                return text[(i + 1)..].TrimStart('*', '&');
        }

        return text;
    }
}
