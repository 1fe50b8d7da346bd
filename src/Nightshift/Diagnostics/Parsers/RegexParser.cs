using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Parses any tool's output with a user's regular expression. Named groups <c>message</c>
/// (required), <c>file</c>, <c>line</c>, <c>column</c>, <c>severity</c> and <c>code</c> fill the
/// diagnostic. The pattern runs over the whole output with <c>^</c> and <c>$</c> matching at line
/// ends, so it may span lines with an explicit <c>\n</c>.
/// </summary>
public sealed class RegexParser : IDiagnosticParser
{
    public const string DefaultTool = "custom";

    // A user's pattern can backtrack catastrophically; a build log is not worth a hung night.
    private static readonly TimeSpan _matchTimeout = TimeSpan.FromSeconds(2);

    private readonly Regex _pattern;
    private readonly string _tool;

    /// <exception cref="DiagnosticPatternException">The pattern does not compile or has no message group.</exception>
    public RegexParser(string pattern, string tool = DefaultTool)
    {
        try
        {
            _pattern = new Regex(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, _matchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new DiagnosticPatternException($"The diagnostic pattern `{pattern}` is not a valid regular expression: {e.Message}", e);
        }

        if (!_pattern.GetGroupNames().Contains("message"))
        {
            throw new DiagnosticPatternException(
                $"The diagnostic pattern `{pattern}` has no (?<message>...) group; add one around the text of the diagnostic.");
        }

        _tool = tool;
    }

    public IReadOnlyList<Diagnostic> Parse(string output)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            foreach (Match match in _pattern.Matches(OutputText.StripAnsi(output).Replace("\r\n", "\n", StringComparison.Ordinal)))
            {
                var message = match.Groups["message"].Value.Trim();
                if (message.Length > 0)
                {
                    diagnostics.Add(new Diagnostic(_tool, SeverityOf(Group(match, "severity")), Group(match, "code"), message, Location(match)));
                }
            }
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new DiagnosticPatternException(
                $"The diagnostic pattern `{_pattern}` took longer than {_matchTimeout.TotalSeconds:0} s on one match; simplify it (avoid nested quantifiers such as (a+)+).", e);
        }

        return diagnostics;
    }

    /// <summary>Reads the common spellings of severities; anything unrecognized counts as an error.</summary>
    public static Severity SeverityOf(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => Severity.Error,
        "warning" or "warn" or "w" or "medium" or "low" => Severity.Warning,
        "note" or "n" => Severity.Note,
        "help" or "hint" or "suggestion" => Severity.Help,
        "info" or "information" or "i" or "notice" => Severity.Info,
        _ => Severity.Error,
    };

    private static SourceSpan? Location(Match match) => Group(match, "file") is { } file
        ? new SourceSpan(file, Number(match, "line"), Number(match, "column"))
        : null;

    private static string? Group(Match match, string name) =>
        match.Groups[name] is { Success: true, Value.Length: > 0 } group ? group.Value.Trim() : null;

    private static int? Number(Match match, string name) =>
        int.TryParse(Group(match, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
