using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Parses pytest's console output. The short test summary drives it: one diagnostic per
/// <c>FAILED tests/test_a.py::test_x - AssertionError: …</c> or <c>ERROR …</c> line (an error at
/// setup or teardown, or a module that failed to collect). The summary truncates messages to the
/// terminal width and names no line, so each is completed from its section in the FAILURES or
/// ERRORS part when present: the message from the first <c>E</c> line, the code (exception type)
/// and the location from the innermost <c>path:line: Type</c> line, other frames as related spans.
/// </summary>
public sealed partial class PytestParser : IDiagnosticParser
{
    public const string Tool = "pytest";

    public IReadOnlyList<Diagnostic> Parse(string output)
    {
        var lines = OutputText.Lines(output);
        var sections = PytestSection.Read(lines);
        var diagnostics = new List<Diagnostic>();
        foreach (var line in lines)
        {
            if (SummaryLine().Match(line) is not { Success: true } summary)
            {
                continue;
            }

            var kind = summary.Groups["kind"].Value;
            var node = summary.Groups["node"].Value;
            var section = SectionNames(kind, node).Select(sections.GetValueOrDefault).FirstOrDefault(s => s is not null);
            diagnostics.Add(ToDiagnostic(kind, node, summary.Groups["message"].Success ? summary.Groups["message"].Value : null, section, line));
        }

        return diagnostics;
    }

    private static Diagnostic ToDiagnostic(string kind, string node, string? summaryMessage, PytestSection? section, string line)
    {
        var testFile = node.Split("::", 2)[0];
        var frames = section?.Frames ?? [];
        var innermost = frames.Count > 0 ? frames[^1] : null;
        var message = section?.FirstErrorLine ?? summaryMessage ?? "";
        var code = innermost?.ExceptionType
            ?? (ExceptionPrefix().Match(message) is { Success: true } prefix ? prefix.Groups["type"].Value : null);
        if (code is not null && message.StartsWith(code + ":", StringComparison.Ordinal))
        {
            message = message[(code.Length + 1)..].Trim();
        }

        var related = frames.Take(frames.Count - 1).Reverse().Select(f => f.Span).ToList();
        if (!frames.Any(f => f.Span.File == testFile || f.Span.File.EndsWith("/" + testFile, StringComparison.Ordinal)))
        {
            related.Add(new SourceSpan(testFile, null, Label: node));
        }

        return new Diagnostic(Tool, Severity.Error, code, message.Length > 0 ? message : $"{kind} {node}", innermost?.Span ?? new SourceSpan(testFile, null))
        {
            Related = related,
            Children = [$"{kind} {node}"],
            Rendered = section?.Text ?? line,
        };
    }

    /// <summary>The section headers pytest may have written for a summary line's test.</summary>
    private static IEnumerable<string> SectionNames(string kind, string node)
    {
        var parts = node.Split("::", 2);
        if (parts.Length == 1)
        {
            yield return $"ERROR collecting {node}";
            yield break;
        }

        var test = parts[1].Replace("::", ".", StringComparison.Ordinal);
        if (kind == "FAILED")
        {
            yield return test;
        }
        else
        {
            yield return $"ERROR at setup of {test}";
            yield return $"ERROR at teardown of {test}";
        }
    }

    [GeneratedRegex(@"^(?<kind>FAILED|ERROR) (?<node>.+?)(?: - (?<message>.*))?$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^(?<type>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*): ")]
    private static partial Regex ExceptionPrefix();
}
