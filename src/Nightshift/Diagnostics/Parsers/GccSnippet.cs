using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Reads fix-it hints from the snippet gcc and clang print under a diagnostic: the source line,
/// the caret line (<c>^~~~</c>) and, when the compiler has a fix, a line with the new text at the
/// column it goes to. gcc frames these lines with a "  12 | " margin, clang prints them bare.
/// <para>
/// Without parseable fix-its the snippet is ambiguous, so these are best efforts: text starting
/// where a caret range starts replaces that range (cut at the end of the source line, so a caret
/// past the end inserts), text elsewhere is inserted; pieces separated by two or more spaces are
/// separate edits, as in clang's <c>(    )</c> for "add parentheses".
/// </para>
/// </summary>
internal static partial class GccSnippet
{
    public static IReadOnlyList<Replacement> FixIts(IReadOnlyList<string> snippet, SourceSpan at)
    {
        var content = snippet.Select(Content).ToList();
        var caret = content.FindIndex(c => c.Contains('^', StringComparison.Ordinal) && CaretLine().IsMatch(c));
        if (caret < 1 || caret + 1 >= content.Count || !IsFixItLine(snippet[caret + 1], content[caret + 1]))
        {
            return [];
        }

        var source = content[caret - 1];
        var ranges = CaretRun().Matches(content[caret]).ToDictionary(m => m.Index, m => m.Length);
        var edits = new List<Replacement>();
        foreach (Match piece in FixItPiece().Matches(content[caret + 1]))
        {
            var column = piece.Index + 1;
            var end = ranges.TryGetValue(piece.Index, out var length)
                ? Math.Min(column + length, source.Length + 1)
                : column;
            end = Math.Max(end, column);
            edits.Add(new Replacement(new SourceSpan(at.File, at.Line, column, at.Line, end), piece.Value));
        }

        return edits;
    }

    private static string Content(string line)
    {
        var margin = Margin().Match(line);
        return margin.Success ? line[margin.Length..] : line;
    }

    // After a caret line gcc may also print label bars ("|") and labels; a fix-it line has
    // neither bars nor carets, and gcc gives it a margin without a line number.
    private static bool IsFixItLine(string line, string content) =>
        content.Trim().Length > 0
        && !content.Contains('|', StringComparison.Ordinal)
        && !content.Contains('^', StringComparison.Ordinal)
        && !NumberedMargin().IsMatch(line)
        && (Margin().IsMatch(line) || content.StartsWith(' '));

    [GeneratedRegex(@"^ *\d* \| ?")]
    private static partial Regex Margin();

    [GeneratedRegex(@"^ *\d+ \|")]
    private static partial Regex NumberedMargin();

    [GeneratedRegex(@"^[\s~^]+$")]
    private static partial Regex CaretLine();

    [GeneratedRegex(@"[~^]+")]
    private static partial Regex CaretRun();

    [GeneratedRegex(@"\S+(?: \S+)*")]
    private static partial Regex FixItPiece();
}
