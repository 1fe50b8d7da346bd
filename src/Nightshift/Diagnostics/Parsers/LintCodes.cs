using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Lint names for rustc's human format, which puts the name of a lint (unused_variables,
/// clippy::needless_range_loop) not in the header but in a note, and only on the first warning
/// of each lint in a compilation unit.
/// </summary>
internal static partial class LintCodes
{
    public static string? FromNotes(IEnumerable<string> children) =>
        children.Select(child => LintLevel().Match(child)).FirstOrDefault(m => m.Success)?.Groups["lint"].Value;

    /// <summary>
    /// Gives the later warnings of a lint the code the first one revealed, matching them by
    /// message with the backticked names blanked ("unused variable: `a`" and "unused variable:
    /// `b`"), so that one lint is one cluster however often it fires.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Propagate(List<Diagnostic> diagnostics)
    {
        var codes = new Dictionary<(Severity, string), string>();
        foreach (var diagnostic in diagnostics.Where(d => d.Code is not null))
        {
            codes.TryAdd((diagnostic.Severity, Shape(diagnostic.Message)), diagnostic.Code!);
        }

        for (var i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            if (diagnostic.Code is null && codes.TryGetValue((diagnostic.Severity, Shape(diagnostic.Message)), out var code))
            {
                diagnostics[i] = diagnostic with { Code = code };
            }
        }

        return diagnostics;
    }

    private static string Shape(string message) => Backticked().Replace(message, "``");

    [GeneratedRegex(@"`#\[(?:warn|deny|forbid|expect)\((?<lint>[\w:]+)\)\]`")]
    private static partial Regex LintLevel();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex Backticked();
}
