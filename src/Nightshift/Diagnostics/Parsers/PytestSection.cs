using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// One section of pytest's FAILURES or ERRORS part: the lines under a
/// <c>____ test_name ____</c> header, up to the next header or banner.
/// </summary>
internal sealed partial class PytestSection
{
    private readonly List<string> _lines = [];

    private PytestSection(string header) => _lines.Add(header);

    public string Text => string.Join('\n', _lines).TrimEnd();

    /// <summary>The first "E   …" line: the exception or assertion, never truncated.</summary>
    public string? FirstErrorLine =>
        _lines.Select(l => ErrorLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups["text"].Value.Trim();

    /// <summary>The "path:line: …" lines, outermost first; the last is where it was raised.</summary>
    public IReadOnlyList<PytestFrame> Frames =>
        [.. _lines.Select(l => FrameLine().Match(l)).Where(m => m.Success).Select(PytestFrame.From)];

    /// <summary>The sections by header ("test_x", "TestA.test_y", "ERROR collecting a.py", …).</summary>
    public static Dictionary<string, PytestSection> Read(IEnumerable<string> lines)
    {
        var sections = new Dictionary<string, PytestSection>(StringComparer.Ordinal);
        PytestSection? current = null;
        foreach (var line in lines)
        {
            if (SectionHeader().Match(line) is { Success: true } header)
            {
                current = new PytestSection(line);
                sections.TryAdd(header.Groups["name"].Value, current);
            }
            else if (Banner().IsMatch(line))
            {
                current = null;
            }
            else
            {
                current?._lines.Add(line);
            }
        }

        return sections;
    }

    // "_ _ _ _" separates frames inside a section; a header has a name between runs of "_".
    [GeneratedRegex(@"^_{2,} (?<name>.*?\S) _{2,}$")]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"^(={3,}|-{3,}) .* (={3,}|-{3,})$")]
    private static partial Regex Banner();

    [GeneratedRegex(@"^E\s+(?<text>.*)$")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"^(?<file>[^\s:][^:]*\.\w+):(?<line>\d+)(?::(?: (?<rest>.*))?)?$")]
    private static partial Regex FrameLine();
}

/// <summary>A "path:line: Type" (or "path:line: in function") line of a pytest section.</summary>
internal sealed partial record PytestFrame(SourceSpan Span, string? ExceptionType)
{
    public static PytestFrame From(Match match)
    {
        var rest = match.Groups["rest"].Value.Trim();
        var isType = TypeName().IsMatch(rest);
        return new PytestFrame(
            new SourceSpan(
                match.Groups["file"].Value,
                int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                Label: rest.Length > 0 && !isType ? rest : null),
            isType ? rest : null);
    }

    [GeneratedRegex(@"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")]
    private static partial Regex TypeName();
}
