using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Parses Python tracebacks. Each one becomes a diagnostic whose code is the exception type
/// (<c>NameError</c>, <c>json.decoder.JSONDecodeError</c>) and whose location is the innermost
/// frame, where the exception was raised; outer frames are related spans, innermost first. A
/// chain ("The above exception was the direct cause…", "During handling of the above
/// exception…") is one failure: the last exception is the diagnostic, the earlier ones are its
/// children. A script's own SyntaxError has no "Traceback" header, only its
/// <c>File "x.py", line 2</c> line and a caret. Columns stay null: Python prints source lines
/// dedented, so a caret's position is not the file's column.
/// </summary>
public sealed partial class PythonTracebackParser : IDiagnosticParser
{
    public const string Tool = "python";

    public IReadOnlyList<Diagnostic> Parse(string output)
    {
        var tracebacks = new List<Traceback>();
        Traceback? open = null;
        string? link = null;
        foreach (var line in OutputText.Lines(output))
        {
            if (line.StartsWith("Traceback (most recent call last):", StringComparison.Ordinal))
            {
                open = new Traceback(link);
                link = null;
                open.Lines.Add(line);
            }
            else if (Frame().Match(line) is { Success: true } frame && (open is not null || !frame.Groups["function"].Success))
            {
                open ??= new Traceback(link);
                link = null;
                open.Lines.Add(line);
                open.Frames.Add(new SourceSpan(
                    frame.Groups["file"].Value,
                    int.Parse(frame.Groups["line"].Value, CultureInfo.InvariantCulture),
                    Label: frame.Groups["function"].Success ? $"in {frame.Groups["function"].Value}" : null));
            }
            else if (open is not null && line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                // The first unindented line ends a traceback: the exception, or (when something
                // else is printed over it) nothing we can report.
                if (open.Frames.Count > 0 && Exception().Match(line) is { Success: true } exception)
                {
                    open.Lines.Add(line);
                    open.Type = exception.Groups["type"].Value;
                    open.Message = exception.Groups["message"].Value.Trim();
                    tracebacks.Add(open);
                }

                open = null;
            }
            else if (open is not null)
            {
                open.Lines.Add(line);
            }
            else if (Chain().Match(line) is { Success: true } chain)
            {
                link = chain.Groups["cause"].Success ? "caused by" : "while handling";
            }
            else if (line.Length > 0)
            {
                link = null;
            }
        }

        return ToDiagnostics(tracebacks);
    }

    private static List<Diagnostic> ToDiagnostics(List<Traceback> tracebacks)
    {
        var diagnostics = new List<Diagnostic>();
        for (var start = 0; start < tracebacks.Count;)
        {
            var end = start;
            while (end + 1 < tracebacks.Count && tracebacks[end + 1].Link is not null)
            {
                end++;
            }

            var chain = tracebacks[start..(end + 1)];
            var last = chain[^1];
            var frames = last.Frames;
            diagnostics.Add(new Diagnostic(Tool, Severity.Error, last.Type, last.Message.Length > 0 ? last.Message : last.Type!, frames[^1])
            {
                Related = [.. frames.Take(frames.Count - 1).Reverse()],
                // Each earlier exception, described by how the next one relates to it.
                Children = [.. chain.Zip(chain.Skip(1)).Select(pair => $"{pair.Second.Link}: {pair.First.Type}: {pair.First.Message}".TrimEnd(' ', ':'))],
                Rendered = string.Join("\n\n", chain.Select(t => string.Join('\n', t.Lines))),
            });
            start = end + 1;
        }

        return diagnostics;
    }

    [GeneratedRegex(@"^\s+File ""(?<file>[^""]+)"", line (?<line>\d+)(?:, in (?<function>.+))?$")]
    private static partial Regex Frame();

    [GeneratedRegex(@"^(?<type>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?::(?<message>.*))?$")]
    private static partial Regex Exception();

    [GeneratedRegex(@"^(?:(?<cause>The above exception was the direct cause of the following exception:)|During handling of the above exception, another exception occurred:)$")]
    private static partial Regex Chain();

    private sealed class Traceback(string? link)
    {
        public string? Link { get; } = link;
        public List<string> Lines { get; } = [];
        public List<SourceSpan> Frames { get; } = [];
        public string? Type { get; set; }
        public string Message { get; set; } = "";
    }
}
